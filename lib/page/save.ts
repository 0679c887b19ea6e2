import { captionsOf } from './captions';
import { isOurNode } from './ours';

/**
 * Save, found as a person finds it: the control that posts this form and whose caption, value, title,
 * alt text or id means saving ("Save", "Save Credential", "Save & Close", an image button `btnSave`),
 * never Cancel, Delete, Back, Search or a lookup. What the page posts when it is used (its name, the
 * event target a script hands to `__doPostBack`) is read too, so a Save posted by script is known.
 */
export type SavePath =
  /** <input type=submit> or <button type=submit>: the form's own submission. */
  | 'submit'
  /** <input type=image>. */
  | 'image'
  /** A WebForms LinkButton: `href="javascript:__doPostBack('…','')"`. */
  | 'link-postback'
  /** A button whose click runs `WebForm_DoPostBackWithOptions(…)` (client validators first). */
  | 'postback-with-options'
  /** A button or link whose own script posts (form.submit(), requestSubmit(), __doPostBack). */
  | 'script';

export interface SaveControl {
  element: HTMLElement;
  path: SavePath;
  /** The names the page posts for it: the control's `name`, the `__doPostBack` / PostBackOptions target. */
  targets: string[];
}

const CANDIDATES = 'input[type=submit], input[type=button], input[type=image], button, a[href], a[onclick], [role=button]';
const NOT_SAVE = /\b(cancel|delete|remove|back|search|find|look ?up|clear|reset|print|export|previous|prev)\b/;
const SAVE_WORD = /\bsave\b/;
/** The last part of an id or name: btnSave, lnkSave, ibSave, imgbtnSave, cmdSave, btnSaveCredential. */
const SAVE_ID = /(?:^|[_$])(?:btn|cmd|lnk|lb|lbtn|ib|ibtn|imgbtn|img|but|button|hl)?save(?:[A-Z0-9][A-Za-z0-9]*)?$/i;

/** Whether a control means "save": by what it says, else by its id or name when it says nothing against it. */
export function meansSave(el: HTMLElement): boolean {
  const captions = captionsOf(el);
  if (captions.some((c) => NOT_SAVE.test(c) && !SAVE_WORD.test(c))) return false;
  if (captions.some((c) => SAVE_WORD.test(c))) return true;
  const idName = [el.id, el.getAttribute('name') ?? ''].filter(Boolean);
  return idName.some((token) => SAVE_ID.test(token));
}

const POSTBACK = /__doPostBack\(\s*['"]([^'"]+)['"]/;
const POSTBACK_OPTIONS = /WebForm_PostBackOptions\(\s*["']([^"']+)["']/;

function pathOf(el: HTMLElement): SavePath {
  const script = `${el.getAttribute('href') ?? ''} ${el.getAttribute('onclick') ?? ''}`;
  if (el instanceof HTMLInputElement && el.type === 'image') return 'image';
  if (/WebForm_DoPostBackWithOptions/.test(script)) return 'postback-with-options';
  if (el instanceof HTMLAnchorElement && POSTBACK.test(script)) return 'link-postback';
  if ((el instanceof HTMLInputElement && el.type === 'submit') || (el instanceof HTMLButtonElement && el.type === 'submit')) return 'submit';
  return 'script';
}

function targetsOf(el: HTMLElement): string[] {
  const script = `${el.getAttribute('href') ?? ''} ${el.getAttribute('onclick') ?? ''}`;
  const targets = [el.getAttribute('name'), POSTBACK.exec(script)?.[1], POSTBACK_OPTIONS.exec(script)?.[1], el.id];
  return [...new Set(targets.filter((t): t is string => !!t))];
}

/**
 * Every Save control of the form, the one after `near` (the date field) first: a page may show Save at
 * the top and the bottom, and each is watched.
 */
export function findSaveControls(root: Element, near: Element | null): SaveControl[] {
  const found = Array.from(root.querySelectorAll<HTMLElement>(CANDIDATES)).filter(
    (el) => !isOurNode(el) && !el.closest('[role=dialog], dialog') && meansSave(el),
  );
  const after = near ? found.filter((el) => near.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) : [];
  const ordered = [...after, ...found.filter((el) => !after.includes(el))];
  return ordered.map((element) => ({ element, path: pathOf(element), targets: targetsOf(element) }));
}

/** `$` and `_` both separate naming containers (a UniqueID vs a ClientID): compare without the difference. */
const sameControlName = (a: string, b: string) => a.replace(/\$/g, '_') === b.replace(/\$/g, '_');

/** The Save control an `__EVENTTARGET` (what `__doPostBack` posts) names, if any. */
export function saveNamedBy(saves: readonly SaveControl[], eventTarget: string): SaveControl | null {
  if (!eventTarget) return null;
  return saves.find((save) => save.targets.some((target) => sameControlName(target, eventTarget))) ?? null;
}
