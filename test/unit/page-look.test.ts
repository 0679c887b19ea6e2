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

function page(body: string, title = 'CalJOBS') {
  const win = new HappyWindow({ url: 'https://www.caljobs.ca.gov/vosnet/Staff/Page.aspx' });
  windows.push(win);
  win.document.write(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`);
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
  it('on a page that only mentions credentials in its menu: no event, no listener of the Save guard', () => {
    const { win, asked, needed, run } = page(`${MENU}<h1>Job Seeker Search</h1><p>Agency: Example WorkSource Center</p>`);
    run();
    expect(needed).toEqual([]);
    expect(asked).toEqual([]);
    expect(answersClicks(win)).toBe(false);
  });

  it('on a Create Credential form: the Save-guard part starts, then the content script is told until it answers', async () => {
    vi.useFakeTimers();
    const { win, asked, needed, run } = page(`${MENU}${FORM}`);
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

  it('finds captions written in capitals, and the case page by its Create Credential link', () => {
    const capitals = page('<table><tr><td>DATE CREDENTIAL RECEIVED</td><td><input></td></tr><tr><td>CREDENTIAL TYPE</td><td><select></select></td></tr></table>');
    capitals.run();
    expect(capitals.needed).toEqual(['assistant']);
    const casePage = page(`${MENU}<h2>Credentials</h2><a href="#">Create Credential</a>`);
    casePage.run();
    expect(casePage.needed).toEqual(['assistant']);
  });

  it('asks for the lookup help in a window titled as one, and for nothing in other popups', () => {
    const lookup = page('<table><tr><th>Activity</th><th>Start</th></tr></table>', 'Search Activities/Services');
    lookup.run();
    expect(lookup.needed).toEqual(['lookup']);
    const calendar = page('<table><tr><td>1</td><td>2</td></tr></table>', 'Calendar');
    calendar.run();
    expect(calendar.needed).toEqual([]);
  });

  it('a form that arrives by a partial postback after something staff did is found, once', async () => {
    vi.useFakeTimers();
    const { win, asked, needed, run } = page(`${MENU}<div id="panel"></div>`);
    run();
    expect(needed).toEqual([]);
    vi.advanceTimersByTime(5000); // the first seconds' watch is over
    win.document.getElementById('panel')!.dispatchEvent(new win.MouseEvent('click', { bubbles: true })); // staff click: a postback starts
    win.document.getElementById('panel')!.innerHTML = FORM; // the UpdatePanel's new content
    await vi.advanceTimersByTimeAsync(300); // the observer's records, then the look 250 ms later
    expect(needed).toEqual(['assistant']);
    expect(asked[0]).toBe('assistant');
    expect(answersClicks(win)).toBe(true);
  });

  it('a choice (AutoPostBack) or a form submit starts the watch too; keys alone do not (no listener per key)', async () => {
    vi.useFakeTimers();
    for (const start of ['change', 'submit'] as const) {
      const { win, needed, run } = page(`${MENU}<div id="panel"></div><form id="f"><select id="s"></select></form>`);
      run();
      vi.advanceTimersByTime(5000);
      const target = win.document.getElementById(start === 'change' ? 's' : 'f')!;
      target.dispatchEvent(new win.Event(start, { bubbles: true }));
      win.document.getElementById('panel')!.innerHTML = FORM;
      await vi.advanceTimersByTimeAsync(300);
      expect(needed, start).toEqual(['assistant']);
    }
    const { win, needed, run } = page(`${MENU}<div id="panel"></div>`);
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
    vi.useFakeTimers();
    const { win, needed, run } = page(`${MENU}<div id="panel"></div>`);
    run();
    vi.advanceTimersByTime(5000);
    win.document.getElementById('panel')!.innerHTML = FORM; // e.g. a timer's redraw (not a postback staff started)
    await vi.advanceTimersByTimeAsync(1000);
    expect(needed).toEqual([]);
  });
});
