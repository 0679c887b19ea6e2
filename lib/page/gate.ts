/**
 * The first look at every CalJOBS page (run in the page's own world: lib/page/page-look.ts), kept
 * tiny: the assistant is loaded only where this says yes (a Create Credential form, or a case page with
 * a Create Credential link), and the lookup helper only in what may be a lookup window (Search
 * Activities/Services, Agency Code Search), which it then recognizes by meaning. Only the reader
 * knows CalJOBS markup: this file is part of it.
 *
 * No regular expression runs here: most staff pages mention credentials somewhere (a menu entry), and
 * compiling the hints' expressions on every page load cost more than everything else the look does.
 * The page's text is searched for our words, and only the short stretches around them are read.
 */

/**
 * Every hint below has one of these words, as pages write them (in lower case or in capitals): the
 * form's and the case page's hints have FORM_WORDS, the lookup windows' titles LOOKUP_WORDS. Each word
 * is one pass over the page's text, the biggest cost of this look on a page that is not ours (issue
 * 15): four passes, where a word list covering every hint at once took nine.
 */
const FORM_WORDS = ['redential', 'REDENTIAL', 'ttain', 'TTAIN'];
const LOOKUP_WORDS = ['ctivit', 'CTIVIT', 'genc', 'GENC'];
const OUR_WORDS = [...FORM_WORDS, ...LOOKUP_WORDS];
const STRETCH_BEFORE = 40;
const STRETCH_AFTER = 50;
const MAX_STRETCHES = 400;

/** Whether a text has one of our words. */
export function hasOurWords(text: string): boolean {
  return OUR_WORDS.some((word) => text.includes(word));
}

/** Whether text added to a page (a partial postback) could turn it into one of ours. */
export const mayBecomeOurs = hasOurWords;

/**
 * Lower case, every run of spaces (and &nbsp;, line breaks, tabs) one space. Native string calls only:
 * this runs once per page load, cold, and a character loop or a regular expression costs more then.
 */
function squash(text: string): string {
  let out = text.toLowerCase().replaceAll('\u00a0', ' ').replaceAll('\n', ' ').replaceAll('\r', ' ').replaceAll('\t', ' ');
  while (out.includes('  ')) out = out.replaceAll('  ', ' ');
  return out;
}

/**
 * Calls `visit` with each short stretch of `text` around one of `words`, squashed, until it returns
 * true: only the few places the hints can be are read, and the search stops once it knows.
 */
function scan(text: string, words: readonly string[], visit: (stretch: string) => boolean): boolean {
  let count = 0;
  for (const word of words) {
    for (let at = text.indexOf(word); at >= 0 && count < MAX_STRETCHES; at = text.indexOf(word, at + word.length)) {
      count += 1;
      if (visit(squash(text.slice(Math.max(0, at - STRETCH_BEFORE), at + STRETCH_AFTER)))) return true;
    }
  }
  return false;
}

const hasAny = (stretch: string, phrases: readonly string[]) => phrases.some((phrase) => stretch.includes(phrase));

const FORM_DATE = ['date credential', 'credential date', 'date attained'];
const FORM_TYPE = ['credential received', 'credential type', 'type of credential', 'type of recognized credential'];
const CASE_PAGE = ['create credential'];
/**
 * A lookup window's title or heading, in its plain words: "Search Activities/Services", "Activity
 * Search"; "Agency Code Search", "Agency Code Lookup", "Find an Agency" (the lookup reader,
 * lookup-windows.ts, then recognizes the window by its title and its grid).
 */
const LOOKUP_TITLES = [
  'search activit', 'search for activit', 'activities/services', 'activities / services', 'activity/service',
  'activity search', 'activities search', 'activity lookup', 'activity look up',
  'agency code search', 'agency codes search', 'agency code lookup', 'agency code look up',
  'search agenc', 'search for agenc', 'search for an agency', 'find an agency', 'find agenc', 'look up agenc', 'lookup agenc',
];

/**
 * The case page's credentials grid, near a credential word: its "Date Received" column, or its "There
 * are no records to display.". Where the text has no Create Credential, only these send the look to the
 * page's controls (hasCreateControl): that query cost the unrelated page 0.3 ms when run on every page.
 */
const CASE_GRID = ['date received', 'no records'];

/**
 * What the page's text says it may be: a Create Credential form, a case page, a page with a credentials
 * grid (a case page if a control named outside the text says Create Credential), or neither.
 */
function kindOfText(text: string): 'form' | 'case' | 'grid' | null {
  let date = false;
  let type = false;
  let casePage = false;
  let grid = false;
  scan(text, FORM_WORDS, (stretch) => {
    date ||= hasAny(stretch, FORM_DATE);
    type ||= hasAny(stretch, FORM_TYPE);
    casePage ||= hasAny(stretch, CASE_PAGE);
    grid ||= hasAny(stretch, CASE_GRID);
    return date && type;
  });
  return date && type ? 'form' : casePage ? 'case' : grid ? 'grid' : null;
}

export function mayBeCredentialForm(text: string): boolean {
  return kindOfText(text) === 'form';
}

export function mayBeCasePage(text: string): boolean {
  return scan(text, FORM_WORDS, (stretch) => hasAny(stretch, CASE_PAGE));
}

/**
 * Controls whose name is not in the page's text: a button drawn as an `<input>` (its name is its
 * value; VOS draws many of its buttons so) and an icon link or button named by `aria-label` or `title`.
 * The word in lower case or in capitals, as the text's FORM_WORDS.
 */
const NAMED_CONTROLS = ['redential', 'REDENTIAL']
  .map((word) => `input[type=submit][value*=${word}],input[type=button][value*=${word}],[aria-label*=${word}],[title*=${word}]`)
  .join();

/**
 * What a link or button is called, for the first look: an `<input>`'s value, else its text, else its
 * `aria-label` or `title` (an icon). The reader asks `captionsOf` (captions.ts), which normalizes with
 * regular expressions: none run here.
 */
export function controlName(el: Element): string {
  if (el.tagName === 'INPUT') return (el as HTMLInputElement).value;
  return el.textContent?.trim() || el.getAttribute('aria-label') || el.getAttribute('title') || '';
}

/**
 * Whether the page has a Create Credential control whose name is not in its text (an `<input>` button,
 * an icon link): the case page's other sign. One native query.
 */
export function hasCreateControl(doc: Document): boolean {
  for (const el of Array.from(doc.querySelectorAll(NAMED_CONTROLS))) if (hasAny(squash(controlName(el)), CASE_PAGE)) return true;
  return false;
}

/**
 * The page's text, for the hints above. One native call: measured the cheapest way on large CalJOBS
 * pages (XPath or a walk over text nodes cost two to five times more).
 */
export function pageText(doc: Document): string {
  return doc.body?.textContent ?? '';
}

/** A window that may be one of the credential form's lookups (its title or its text says so). */
export function mayBeLookupWindow(doc: Document, text: string): boolean {
  return hasAny(squash(doc.title), LOOKUP_TITLES) || scan(text.slice(0, 4000), LOOKUP_WORDS, (stretch) => hasAny(stretch, LOOKUP_TITLES));
}

/**
 * Whether a window can be one of the form's lookups at all: a popup (VOS's VOSPopup window has an
 * opener) or a frame (a RadWindow's iframe). The lookup helper writes nowhere else
 * (lookup-windows.ts, lookupOpener), so a page staff opened themselves skips the lookup's hints.
 */
export function mayHoldLookup(win: Window): boolean {
  try {
    return win.opener != null || win.parent !== win;
  } catch {
    return true; // a window we cannot ask about: look, as before
  }
}

/** What this document may need: the assistant (a form or case page), the lookup helper, or nothing. */
export function whatThePageNeeds(doc: Document): 'assistant' | 'lookup' | null {
  const text = pageText(doc);
  const kind = kindOfText(text);
  if (kind === 'form' || kind === 'case' || (kind === 'grid' && hasCreateControl(doc))) return 'assistant';
  const win = doc.defaultView;
  return (!win || mayHoldLookup(win)) && mayBeLookupWindow(doc, text) ? 'lookup' : null;
}
