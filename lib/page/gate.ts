/**
 * The first look at every CalJOBS page, kept tiny: the content script loads the assistant itself only
 * where this says yes (a Create Credential form, or a case page with a Create Credential link).
 * Only the reader knows CalJOBS markup: this file is part of it, and shares its hints with read-page.ts.
 */
const FORM_HINT_DATE = /date\s+credential|credential\s+date|date\s+attained/i;
const FORM_HINT_TYPE = /credential\s+received|credential\s+type|type\s+of\s+(recognized\s+)?credential/i;
const CASE_HINT = /create\s+credential/i;

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

/** Whether the assistant has anything to do on this document. */
export function pageMayNeedAssistant(doc: Document): boolean {
  const text = pageText(doc);
  return mayBeCredentialForm(text) || mayBeCasePage(text);
}
