/**
 * What a scenario points at, and the one function that finds it inside the page. The same function
 * runs in both browsers (it is sent into the page with each query), so a target means the same
 * elements in Chromium and in Firefox; only the acting on them (clicks, keys) is the browser's own.
 *
 * A target is a CSS selector or a query:
 * - CSS: descendant (` `) and child (`>`) combinators cross our open shadow roots, as Playwright's CSS
 *   does: `caljobs-assistant-note [data-check]` finds the notes inside each note host's shadow root.
 *   `+` and `~` are not supported (an error says so).
 * - `byRole(role, name?)`: explicit `role` or the implicit one of button, input, select, textarea,
 *   a[href], dialog, headings, lists; elements hidden from assistive technology (display:none,
 *   visibility:hidden, `hidden`, `aria-hidden=true`, up through shadow hosts) never match.
 * - `byLabel(text)`: form controls by their label (`<label for>`, a wrapping label, aria-label,
 *   aria-labelledby).
 * - `byText(text)`: the innermost elements whose text matches.
 * Text matching (names, labels, text) is Playwright's: whitespace-normalised; a string matches as a
 * case-insensitive substring, or whole and case-sensitive with `{ exact: true }`; a RegExp is tested.
 * `within(scope, target)` keeps the matches inside a match of `scope`; `nth(target, i)` picks one
 * (negative counts from the end).
 */
export type TextMatch = string | RegExp;

export interface Query {
  css?: string;
  role?: string;
  name?: TextMatch;
  label?: TextMatch;
  text?: TextMatch;
  exact?: boolean;
  within?: Target;
  nth?: number;
}
export type Target = string | Query;

export const byRole = (role: string, name?: TextMatch, options: { exact?: boolean } = {}): Query => ({ role, name, exact: options.exact });
export const byLabel = (label: TextMatch, options: { exact?: boolean } = {}): Query => ({ label, exact: options.exact });
export const byText = (text: TextMatch, options: { exact?: boolean } = {}): Query => ({ text, exact: options.exact });
export const within = (scope: Target, target: Target): Query => ({ ...asQuery(target), within: scope });
export const nth = (target: Target, index: number): Query => ({ ...asQuery(target), nth: index });

const asQuery = (target: Target): Query => (typeof target === 'string' ? { css: target } : target);

/** A target as plain data the page can receive (RegExps as source and flags). */
type WireText = string | { re: string; flags: string };
export interface WireQuery {
  css?: string;
  role?: string;
  name?: WireText;
  label?: WireText;
  text?: WireText;
  exact?: boolean;
  within?: WireQuery;
  nth?: number;
}

export function toWire(target: Target): WireQuery {
  const q = asQuery(target);
  const text = (m: TextMatch | undefined): WireText | undefined => (m instanceof RegExp ? { re: m.source, flags: m.flags } : m);
  return {
    css: q.css,
    role: q.role,
    name: text(q.name),
    label: text(q.label),
    text: text(q.text),
    exact: q.exact,
    within: q.within === undefined ? undefined : toWire(q.within),
    nth: q.nth,
  };
}

/** A readable form of a target for error messages. */
export function describeTarget(target: Target): string {
  const q = asQuery(target);
  const parts: string[] = [];
  if (q.css) parts.push(q.css);
  if (q.role) parts.push(`role=${q.role}${q.name !== undefined ? ` name=${String(q.name)}` : ''}`);
  if (q.label !== undefined) parts.push(`label=${String(q.label)}`);
  if (q.text !== undefined) parts.push(`text=${String(q.text)}`);
  if (q.exact) parts.push('exact');
  if (q.nth !== undefined) parts.push(`nth=${q.nth}`);
  const own = parts.join(' ');
  return q.within === undefined ? own : `${describeTarget(q.within)} >> ${own}`;
}

/**
 * Runs in the page (self-contained: no imports, no closures). Returns every element the query
 * matches, in document order (shadow content right after its host).
 */
export function findInPage(query: WireQuery): Element[] {
  const norm = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const fits = (value: string, m: WireText | undefined, exact: boolean | undefined) => {
    if (m === undefined) return true;
    const v = norm(value);
    if (typeof m === 'object') return new RegExp(m.re, m.flags).test(v);
    return exact ? v === norm(m) : v.toLowerCase().includes(norm(m).toLowerCase());
  };
  const parentOf = (el: Element): Element | null => {
    const p = el.parentNode as (Node & { host?: Element }) | null;
    if (!p) return null;
    if (p.nodeType === 11) return p.host ?? null; // a shadow root: go on at its host
    return p.nodeType === 1 ? (p as Element) : null;
  };
  const everything = (): Element[] => {
    const out: Element[] = [];
    const walk = (node: ParentNode) => {
      for (const el of Array.from(node.children)) {
        out.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
        walk(el);
      }
    };
    walk(document);
    return out;
  };

  // CSS across shadow roots: split into compounds and combinators, match right to left.
  const compile = (selector: string) =>
    splitTop(selector, ',').map((one) => {
      const parts: Array<{ sel: string; comb: string }> = [];
      let buf = '';
      let comb = ' ';
      let depth = 0;
      let quote = '';
      const flush = () => {
        if (buf.trim()) parts.push({ sel: buf.trim(), comb });
        buf = '';
      };
      for (const ch of one) {
        if (quote) {
          if (ch === quote) quote = '';
          buf += ch;
        } else if (ch === '"' || ch === "'") {
          quote = ch;
          buf += ch;
        } else if (ch === '[' || ch === '(') {
          depth += 1;
          buf += ch;
        } else if (ch === ']' || ch === ')') {
          depth -= 1;
          buf += ch;
        } else if (depth === 0 && (ch === '+' || ch === '~')) {
          throw new Error(`The "${ch}" combinator is not supported in "${selector}"`);
        } else if (depth === 0 && (ch === '>' || /\s/.test(ch))) {
          if (buf.trim()) {
            flush();
            comb = ' ';
          }
          if (ch === '>') comb = '>';
        } else buf += ch;
      }
      flush();
      if (parts.length === 0) throw new Error(`Empty selector in "${selector}"`);
      return parts;
    });
  function splitTop(s: string, sep: string): string[] {
    const out: string[] = [];
    let buf = '';
    let depth = 0;
    let quote = '';
    for (const ch of s) {
      if (quote) quote = ch === quote ? '' : quote;
      else if (ch === '"' || ch === "'") quote = ch;
      else if (ch === '[' || ch === '(') depth += 1;
      else if (ch === ']' || ch === ')') depth -= 1;
      else if (ch === sep && depth === 0) {
        out.push(buf);
        buf = '';
        continue;
      }
      buf += ch;
    }
    out.push(buf);
    return out;
  }
  const chainMatches = (el: Element, parts: Array<{ sel: string; comb: string }>, i: number): boolean => {
    if (!el.matches(parts[i]!.sel)) return false;
    if (i === 0) return true;
    if (parts[i]!.comb === '>') {
      const p = parentOf(el);
      return !!p && chainMatches(p, parts, i - 1);
    }
    for (let p = parentOf(el); p; p = parentOf(p)) if (chainMatches(p, parts, i - 1)) return true;
    return false;
  };

  const hiddenFromAT = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = parentOf(e)) {
      if (e.hasAttribute('hidden') || e.getAttribute('aria-hidden') === 'true') return true;
    }
    return !el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
  };
  const roleOf = (el: Element): string | null => {
    const explicit = norm(el.getAttribute('role')).split(' ')[0];
    if (explicit) return explicit;
    const tag = el.localName;
    if (tag === 'button') return 'button';
    if (tag === 'a') return el.hasAttribute('href') ? 'link' : null;
    if (tag === 'input') {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      const roles: Record<string, string> = {
        button: 'button', submit: 'button', reset: 'button', image: 'button', checkbox: 'checkbox', radio: 'radio',
        range: 'slider', number: 'spinbutton', search: 'searchbox', text: 'textbox', email: 'textbox', tel: 'textbox', url: 'textbox',
      };
      return roles[type] ?? null;
    }
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return (el as HTMLSelectElement).multiple || (el as HTMLSelectElement).size > 1 ? 'listbox' : 'combobox';
    if (tag === 'option') return 'option';
    if (tag === 'dialog') return 'dialog';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'li') return 'listitem';
    if (tag === 'nav') return 'navigation';
    if (tag === 'main') return 'main';
    if (tag === 'fieldset') return 'group';
    return null;
  };
  // The text a person reads: shadow content instead of light children, hidden parts and the values
  // of embedded form controls left out.
  const textOf = (node: Node): string => {
    if (node.nodeType === 3) return node.textContent ?? '';
    if (node.nodeType !== 1 && node.nodeType !== 11) return '';
    if (node.nodeType === 1) {
      const el = node as Element;
      if (['script', 'style', 'template', 'input', 'select', 'textarea'].includes(el.localName)) return '';
      if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return '';
      const label = norm(el.getAttribute('aria-label'));
      if (label) return ` ${label} `;
      if (el.localName === 'img') return ` ${el.getAttribute('alt') ?? ''} `;
    }
    const from = (node as Element).shadowRoot ?? node;
    let out = '';
    for (const child of Array.from(from.childNodes)) out += textOf(child);
    return node.nodeType === 1 && getComputedStyle(node as Element).display !== 'inline' ? ` ${out} ` : out;
  };
  const byIds = (el: Element, ids: string): string => {
    const root = el.getRootNode() as Document | ShadowRoot;
    return ids
      .split(/\s+/)
      .map((id) => root.getElementById?.(id) ?? document.getElementById(id))
      .filter((e): e is HTMLElement => !!e)
      .map((e) => textOf(e))
      .join(' ');
  };
  const labelsOf = (el: Element): string[] => {
    const out: string[] = [];
    const ids = el.getAttribute('aria-labelledby');
    if (ids) out.push(norm(byIds(el, ids)));
    const aria = norm(el.getAttribute('aria-label'));
    if (aria) out.push(aria);
    for (const label of Array.from((el as HTMLInputElement).labels ?? [])) out.push(norm(textOf(label)));
    return out.filter(Boolean);
  };
  const NAME_FROM_CONTENT = ['button', 'link', 'tab', 'radio', 'checkbox', 'switch', 'option', 'heading', 'menuitem', 'menuitemradio', 'menuitemcheckbox', 'treeitem', 'cell', 'row', 'columnheader', 'rowheader', 'tooltip'];
  const nameOf = (el: Element, role: string | null): string => {
    const ids = el.getAttribute('aria-labelledby');
    if (ids && norm(byIds(el, ids))) return norm(byIds(el, ids));
    const aria = norm(el.getAttribute('aria-label'));
    if (aria) return aria;
    const labels = Array.from((el as HTMLInputElement).labels ?? []).map((label) => norm(textOf(label))).filter(Boolean);
    if (labels.length) return labels.join(' ');
    if (el.localName === 'input' && ['button', 'submit', 'reset'].includes((el as HTMLInputElement).type)) return norm((el as HTMLInputElement).value);
    if (role && NAME_FROM_CONTENT.includes(role)) {
      const content = norm(textOf(el));
      if (content) return content;
    }
    return norm(el.getAttribute('title'));
  };

  const resolve = (q: WireQuery): Element[] => {
    let found = everything();
    if (q.within) {
      const scopes = new Set(resolve(q.within));
      found = found.filter((el) => {
        for (let p = parentOf(el); p; p = parentOf(p)) if (scopes.has(p)) return true;
        return false;
      });
    }
    if (q.css) {
      const chains = compile(q.css);
      found = found.filter((el) => chains.some((parts) => chainMatches(el, parts, parts.length - 1)));
    }
    if (q.role) {
      found = found.filter((el) => {
        const role = roleOf(el);
        return role === q.role && !hiddenFromAT(el) && fits(nameOf(el, role), q.name, q.exact);
      });
    }
    if (q.label !== undefined) found = found.filter((el) => labelsOf(el).some((text) => fits(text, q.label, q.exact)));
    if (q.text !== undefined) {
      const skip = ['script', 'style', 'template', 'head', 'title'];
      const matching = new Set(found.filter((el) => !skip.includes(el.localName) && fits(textOf(el), q.text, q.exact)));
      // The innermost ones: drop an element when one of its own descendants matches too.
      for (const el of matching) for (let p = parentOf(el); p; p = parentOf(p)) matching.delete(p);
      found = found.filter((el) => matching.has(el));
    }
    if (q.nth !== undefined) {
      const one = found.at(q.nth);
      found = one ? [one] : [];
    }
    return found;
  };
  return resolve(query);
}
