/**
 * The first look at every CalJOBS page, kept tiny: the content script loads the assistant itself only
 * where this says yes (a Create Credential form, or a case page with a Create Credential link), and
 * the lookup helper only in what may be a lookup window (Search Activities/Services, Agency Code
 * Search), which it then recognizes by meaning. Only the reader knows CalJOBS markup: this file is
 * part of it.
 */
const FORM_HINT_DATE = /date\s+credential|credential\s+date|date\s+attained/i;
const FORM_HINT_TYPE = /credential\s+received|credential\s+type|type\s+of\s+(recognized\s+)?credential/i;
const CASE_HINT = /create\s+credential/i;
/**
 * The titles of the credential form's lookup windows, by meaning: "Search Activities/Services",
 * "Activity Search"; "Agency Code Search", "Agency Code Lookup", "Find an Agency". The lookup reader
 * (lookup-windows.ts) recognizes a window by these and its grid; the gate loads it where one shows.
 */
export const LOOKUP_TITLES = {
  activities: /\bsearch\s+(?:for\s+)?activit|\bactivit(?:y|ies)\s*\/\s*services?\b|\bactivit(?:y|ies)\s+(?:search|look\s*up)\b/i,
  agency: /\bagency\s+codes?\s+(?:search|look\s*up)\b|\b(?:search|find|look\s*up)\s+(?:for\s+)?(?:an?\s+)?agenc(?:y|ies)\b/i,
} as const;
/** A lookup window's title or heading, either kind: one test. */
const LOOKUP_HINT = /*#__PURE__*/ new RegExp(`${LOOKUP_TITLES.activities.source}|${LOOKUP_TITLES.agency.source}`, 'i');

export function mayBeCredentialForm(text: string): boolean {
  return FORM_HINT_DATE.test(text) && FORM_HINT_TYPE.test(text);
}

export function mayBeCasePage(text: string): boolean {
  return CASE_HINT.test(text);
}

/**
 * The page's text, for the hints above. One native call and two regular expressions: measured the
 * cheapest way on large CalJOBS pages (XPath or a walk over text nodes cost two to five times more).
 */
export function pageText(doc: Document): string {
  return doc.body?.textContent ?? '';
}

/** A window that may be one of the credential form's lookups (its title or its text says so). */
export function mayBeLookupWindow(doc: Document, text: string): boolean {
  return LOOKUP_HINT.test(doc.title) || (!mayBeCredentialForm(text) && LOOKUP_HINT.test(text.slice(0, 4000)));
}

/**
 * Whether text added to a page could turn it into one of ours: every hint above has one of these
 * words. The gate's watch for a form arriving later (a partial postback) tests only what was added,
 * so a busy page (a ticking session timer, a refreshing grid) costs a test of a few words.
 */
const ANY_HINT = /credential|activit|agency/i;
export function mayBecomeOurs(addedText: string): boolean {
  return ANY_HINT.test(addedText);
}

/** What this document may need: the assistant (a form or case page), the lookup helper, or nothing. */
export function whatThePageNeeds(doc: Document): 'assistant' | 'lookup' | null {
  const text = pageText(doc);
  if (mayBeCredentialForm(text) || mayBeCasePage(text)) return 'assistant';
  return mayBeLookupWindow(doc, text) ? 'lookup' : null;
}

/** Whether the assistant has anything to do on this document. */
export function pageMayNeedAssistant(doc: Document): boolean {
  return whatThePageNeeds(doc) === 'assistant';
}
