/**
 * Styles for everything injected into CalJOBS. They live inside our shadow roots only: nothing leaks
 * into the page, and the page's global CSS does not reach in (WXT resets the host with `all: initial`).
 */
const base = `
:host { display: block !important; }
html, body { margin: 0; padding: 0; }
body { font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1b1b1b; }
button { font: inherit; cursor: pointer; border-radius: 4px; }
button:focus-visible, a:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 1px; }
.badge { display: inline-block; min-width: 1.2em; font-weight: 700; text-align: center; border-radius: 50%; margin-right: 4px; }
[data-severity=error] .badge { color: #fff; background: #b3261e; }
[data-severity=warning] .badge { color: #1b1b1b; background: #f5c211; }
[data-severity=info] .badge { color: #fff; background: #1a5fb4; }
.kind { font-weight: 700; }
[data-severity=error] .kind { color: #8c1d18; }
[data-severity=warning] .kind { color: #6b4e00; }
[data-severity=info] .kind { color: #174a8c; }
a { color: #1a5fb4; }
`;

export const NOTE_CSS = `${base}
:host { margin: 3px 0 2px !important; max-width: 46em !important; }
.note { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 6px; padding: 3px 6px; border-left: 4px solid; background: #fff; }
.note + .note { margin-top: 2px; }
.note[data-severity=error] { border-color: #b3261e; background: #fdf0ef; }
.note[data-severity=warning] { border-color: #c89400; background: #fff8e1; }
.note[data-severity=info] { border-color: #1a5fb4; background: #eef4fc; }
.more { border: 1px solid #8a8a8a; background: #fff; padding: 0 6px; font-size: 12px; }
.detail { flex-basis: 100%; margin: 2px 0 0; }
.detail[hidden] { display: none; }
.source { font-size: 12px; color: #444; }
.copied { font-size: 12px; color: #2e4d2e; }
`;

export const SUMMARY_CSS = `${base}
:host { margin: 8px 0 !important; max-width: 52em !important; }
section { border: 1px solid #8a8a8a; border-radius: 6px; padding: 6px 10px; background: #fff; }
section[data-state=ready] { border-color: #2e7d32; background: #f1f8f2; }
section[data-state=errors] { border-color: #b3261e; }
h2 { font-size: 13px; margin: 0 0 2px; }
.status { margin: 0; }
ul { margin: 4px 0 0; padding: 0; list-style: none; }
li { margin: 2px 0; }
li button { border: 0; background: none; padding: 0; text-align: left; color: inherit; text-decoration: underline dotted; }
.actions { margin-top: 6px; display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.actions button { border: 1px solid #1a5fb4; background: #1a5fb4; color: #fff; padding: 3px 10px; }
.said { font-size: 12px; color: #2e4d2e; }
.unwatched { margin: 2px 0; font-weight: 600; color: #6b4e00; }
.office-setup { margin-top: 6px; padding-top: 6px; border-top: 1px solid #d0d0d0; }
.office-setup p { margin: 0 0 4px; }
.office-setup .hint { font-size: 12px; color: #444; }
.office-setup button { border: 1px solid #1a5fb4; padding: 3px 10px; background: #fff; color: #1a5fb4; }
.office-setup button.primary { background: #1a5fb4; color: #fff; }
`;

export const DIALOG_CSS = `${base}
dialog { max-width: min(34em, 92vw); border: 2px solid #1b1b1b; border-radius: 8px; padding: 16px 18px; background: #fff; color: #1b1b1b; }
dialog::backdrop { background: rgba(0, 0, 0, 0.45); }
h2 { font-size: 16px; margin: 0 0 8px; }
ul { margin: 8px 0 12px; padding-left: 0; list-style: none; }
li { margin: 4px 0; }
.buttons { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
.buttons button { padding: 6px 14px; border: 1px solid #1b1b1b; background: #fff; }
.buttons .primary { background: #1a5fb4; border-color: #1a5fb4; color: #fff; }
`;

export const HIGHLIGHT_CSS = `${base}
:host { position: absolute !important; pointer-events: none !important; z-index: 2147483646 !important; }
div { position: absolute; inset: 0; border: 3px solid #f5c211; border-radius: 4px; box-shadow: 0 0 0 4px rgba(26,95,180,.35); animation: fade 2.4s ease-out forwards; }
@keyframes fade { 0%, 60% { opacity: 1; } 100% { opacity: 0; } }
`;

/** The marks beside rows of the lookup windows (Search Activities/Services, Agency Code Search). */
export const LOOKUP_MARK_CSS = `${base}
:host { display: inline-block !important; margin: 0 0 0 6px !important; vertical-align: baseline !important; }
body { font-size: 11px; line-height: 1.3; }
.marks { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 2px 4px; }
.mark { display: inline-flex; align-items: baseline; gap: 3px; padding: 0 5px; border: 1px solid; border-radius: 3px; white-space: nowrap; }
.mark[data-tone=good] { border-color: #2e7d32; background: #f1f8f2; color: #1e4620; }
.mark[data-tone=neutral] { border-color: #767676; background: #f6f6f6; color: #333; }
.mark[data-tone=caution] { border-color: #c89400; background: #fff8e1; color: #5c4300; }
.icon { font-weight: 700; }
.pick { border: 1px solid #1a5fb4; background: #1a5fb4; color: #fff; padding: 0 8px; white-space: nowrap; }
`;

/** The one line above a lookup window's grid (what the marks mean, where to set the office's code). */
export const LOOKUP_LINE_CSS = `${base}
:host { margin: 4px 0 6px !important; max-width: 60em !important; }
p { margin: 0; padding: 3px 8px; border-left: 4px solid #1a5fb4; background: #eef4fc; font-size: 12px; }
.who { font-weight: 700; }
`;
