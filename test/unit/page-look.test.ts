import { afterEach, describe, expect, it, vi } from 'vitest';
import { Window as HappyWindow } from 'happy-dom';
import { watchPagePosts } from '@/lib/actions/page-posts';
import { lookAtPage, type Needed } from '@/lib/page/page-look';

/**
 * The first look at every CalJOBS page (lib/page/page-look.ts), as entrypoints/page-world.ts wires it:
 * what it asks for, when it tells the content script, and that a page which is not ours gets nothing
 * but the look (no Save-guard listeners, no event).
 */

const windows: HappyWindow[] = [];
type PageWindow = Window & typeof globalThis;
afterEach(async () => {
  vi.useRealTimers();
  for (const win of windows.splice(0)) await win.happyDOM.close();
});

const MENU = '<nav><a href="/x">Job Seekers</a> <a href="/y">Credentials</a> <a href="/z">Reports</a></nav>';
const FORM = '<table><tr><td>Date Credential Received:</td><td><input id="d"></td></tr><tr><td>Credential Type:</td><td><select id="t"></select></td></tr></table>';

/**
 * A CalJOBS page, loaded (the look runs at document_idle: most pages have loaded by then) unless
 * `loading` (a page whose images or scripts are still coming: readyState "interactive").
 */
async function page(body: string, { title = 'CalJOBS', loading = false, opener = false } = {}) {
  const win = new HappyWindow({ url: 'https://www.caljobs.ca.gov/vosnet/Staff/Page.aspx' });
  windows.push(win);
  win.document.write(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`);
  if (!loading) await win.happyDOM.waitUntilComplete();
  if (opener) Object.defineProperty(win, 'opener', { value: {}, configurable: true }); // a VOSPopup window
  const asked: string[] = [];
  win.addEventListener('caljobs-assistant-needed', (event) => asked.push(String((event as unknown as CustomEvent).detail)));
  const needed: Needed[] = [];
  // As entrypoints/page-world.ts does it.
  const run = () =>
    lookAtPage(win as unknown as PageWindow, (what) => {
      needed.push(what);
      watchPagePosts(win as unknown as PageWindow);
    });
  return { win, asked, needed, run };
}

/** Whether the page world answers a click asked for from the content script (its Save-guard part). */
function answersClicks(win: HappyWindow): boolean {
  const button = win.document.createElement('button');
  win.document.body.append(button);
  const event = new win.CustomEvent('caljobs-assistant-click', { bubbles: true, cancelable: true });
  const answered = !button.dispatchEvent(event);
  button.remove();
  return answered;
}

describe('the first look', () => {
  it('on a page that only mentions credentials in its menu: no event, no listener of the Save guard', async () => {
    const { win, asked, needed, run } = await page(`${MENU}<h1>Job Seeker Search</h1><p>Agency: Example WorkSource Center</p>`);
    run();
    expect(needed).toEqual([]);
    expect(asked).toEqual([]);
    expect(answersClicks(win)).toBe(false);
  });

  it('on a Create Credential form: the Save-guard part starts, then the content script is told until it answers', async () => {
    const { win, asked, needed, run } = await page(`${MENU}${FORM}`);
    vi.useFakeTimers();
    run();
    expect(needed).toEqual(['assistant']);
    expect(answersClicks(win)).toBe(true);
    expect(asked).toEqual(['assistant']);
    vi.advanceTimersByTime(120); // the content script may start a moment later: told again every 50 ms
    expect(asked).toEqual(['assistant', 'assistant', 'assistant']);
    win.dispatchEvent(new win.CustomEvent('caljobs-assistant-heard'));
    vi.advanceTimersByTime(500);
    expect(asked).toHaveLength(3);
    expect(needed).toEqual(['assistant']); // once
  });

  it('finds captions written in capitals, and the case page by its Create Credential link', async () => {
    const capitals = await page('<table><tr><td>DATE CREDENTIAL RECEIVED</td><td><input></td></tr><tr><td>CREDENTIAL TYPE</td><td><select></select></td></tr></table>');
    capitals.run();
    expect(capitals.needed).toEqual(['assistant']);
    const casePage = await page(`${MENU}<h2>Credentials</h2><a href="#">Create Credential</a>`);
    casePage.run();
    expect(casePage.needed).toEqual(['assistant']);
  });

  it('asks for the lookup help in a popup titled as one, and for nothing in other popups', async () => {
    const lookup = await page('<table><tr><th>Activity</th><th>Start</th></tr></table>', { title: 'Search Activities/Services', opener: true });
    lookup.run();
    expect(lookup.needed).toEqual(['lookup']);
    const calendar = await page('<table><tr><td>1</td><td>2</td></tr></table>', { title: 'Calendar', opener: true });
    calendar.run();
    expect(calendar.needed).toEqual([]);
  });

  it('a window staff opened themselves (no opener, not a frame) is no lookup, whatever its title: the helper could write nowhere', async () => {
    const opened = await page('<table><tr><th>Activity</th><th>Start</th></tr></table>', { title: 'Search Activities/Services' });
    opened.run();
    expect(opened.needed).toEqual([]);
    // A frame (a RadWindow's iframe: its parent is another window) is looked at as a popup is.
    const frame = await page('<table><tr><th>Code</th><th>Name</th></tr></table>', { title: 'Agency Code Search' });
    Object.defineProperty(frame.win, 'parent', { value: {}, configurable: true });
    frame.run();
    expect(frame.needed).toEqual(['lookup']);
  });

  it('a form that arrives by a partial postback after something staff did is found, once', async () => {
    const { win, asked, needed, run } = await page(`${MENU}<div id="panel"></div>`);
    vi.useFakeTimers();
    run();
    expect(needed).toEqual([]);
    vi.advanceTimersByTime(5000); // the watch after load is over
    win.document.getElementById('panel')!.dispatchEvent(new win.MouseEvent('click', { bubbles: true })); // staff click: a postback starts
    win.document.getElementById('panel')!.innerHTML = FORM; // the UpdatePanel's new content
    await vi.advanceTimersByTimeAsync(300); // the observer's records, then the look 250 ms later
    expect(needed).toEqual(['assistant']);
    expect(asked[0]).toBe('assistant');
    expect(answersClicks(win)).toBe(true);
  });

  it('a choice (AutoPostBack) or a form submit starts the watch too; keys alone do not (no listener per key)', async () => {
    for (const start of ['change', 'submit'] as const) {
      const { win, needed, run } = await page(`${MENU}<div id="panel"></div><form id="f"><select id="s"></select></form>`);
      vi.useFakeTimers();
      run();
      vi.advanceTimersByTime(5000);
      const target = win.document.getElementById(start === 'change' ? 's' : 'f')!;
      target.dispatchEvent(new win.Event(start, { bubbles: true }));
      win.document.getElementById('panel')!.innerHTML = FORM;
      await vi.advanceTimersByTimeAsync(300);
      expect(needed, start).toEqual(['assistant']);
      vi.useRealTimers();
    }
    const { win, needed, run } = await page(`${MENU}<div id="panel"></div>`);
    vi.useFakeTimers();
    run();
    vi.advanceTimersByTime(5000);
    win.document.getElementById('panel')!.innerHTML = '<p>Session ends in 19:59</p>'; // the watch ends here
    await vi.advanceTimersByTimeAsync(10);
    for (const type of ['keydown', 'keyup', 'keypress', 'input']) win.dispatchEvent(new win.Event(type, { bubbles: true }));
    win.document.getElementById('panel')!.innerHTML = FORM; // not a postback staff started with a click, a choice or a submit
    await vi.advanceTimersByTimeAsync(1000);
    expect(needed).toEqual([]);
  });

  it('a page that changes by itself, long after load, with nobody doing anything, is not looked at again', async () => {
    const { win, needed, run } = await page(`${MENU}<div id="panel"></div>`);
    vi.useFakeTimers();
    run();
    vi.advanceTimersByTime(5000);
    win.document.getElementById('panel')!.innerHTML = FORM; // e.g. a timer's redraw (not a postback staff started)
    await vi.advanceTimersByTimeAsync(1000);
    expect(needed).toEqual([]);
  });

  it("what the page's own scripts add at load is seen: in the second after load, and however long a page takes to load", async () => {
    // A loaded page: a form its load-time script adds a moment later is found.
    const loaded = await page(`${MENU}<div id="panel"></div>`);
    vi.useFakeTimers();
    loaded.run();
    vi.advanceTimersByTime(600);
    loaded.win.document.getElementById('panel')!.innerHTML = FORM;
    await vi.advanceTimersByTimeAsync(300);
    expect(loaded.needed).toEqual(['assistant']);
    vi.useRealTimers();
    // The same, 1.2 s after a loaded page's look: the watch has ended (a page that keeps changing by
    // itself, a session timer, is not watched on), and the form waits for something staff do.
    const later = await page(`${MENU}<div id="panel"></div>`);
    vi.useFakeTimers();
    later.run();
    vi.advanceTimersByTime(1200);
    later.win.document.getElementById('panel')!.innerHTML = '<p>Session ends in 19:59</p>'; // the watch stops here
    later.win.document.getElementById('panel')!.innerHTML = FORM;
    await vi.advanceTimersByTimeAsync(1000);
    expect(later.needed).toEqual([]);
    vi.useRealTimers();
    // A page still loading (its images or scripts still coming) is watched until its load, however
    // long, and for a second after it.
    const slow = await page(`${MENU}<div id="panel"></div><div id="other"></div>`, { loading: true });
    vi.useFakeTimers();
    slow.run();
    vi.advanceTimersByTime(5000);
    slow.win.document.getElementById('other')!.textContent = 'Loading…'; // a change before load does not end the watch
    await vi.advanceTimersByTimeAsync(10);
    slow.win.dispatchEvent(new slow.win.Event('load'));
    vi.advanceTimersByTime(800);
    slow.win.document.getElementById('panel')!.innerHTML = FORM;
    await vi.advanceTimersByTimeAsync(300);
    expect(slow.needed).toEqual(['assistant']);
  });
});
