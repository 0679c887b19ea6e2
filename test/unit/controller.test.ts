// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Lifetime } from '@/lib/controller/lifetime';
import { Assistant } from '@/lib/controller/assistant';
import { watchPageValues } from '@/lib/controller/page-values';
import { onMessage, removeAllListeners, sendMessage } from '@/lib/messaging/protocol';
import { defaultSettings, type EffectiveSettings } from '@/lib/settings/defaults';
import { serveFormChecks } from '@/lib/messaging/check-form';
import { citeFindings, runChecks } from '@/lib/checks';
import { onPortRequest } from '@/lib/messaging/worker-port';
import { installFakePorts } from './support/ports';

/**
 * The controller on the classic fixture (as the server sent it; the page's scripts do not run here):
 * one way from the reader to the renderers, actions after the read, everything gone when it stops.
 */
const CLASSIC = readFileSync(join(__dirname, '..', 'fixtures', 'create-credential-classic.html'), 'utf8');
const CASE = readFileSync(join(__dirname, '..', 'fixtures', 'case-page.html'), 'utf8');
const BLANK = ['activity-missing', 'agency-code-missing', 'credential-missing', 'date-missing', 'office-missing', 'region-missing', 'verification-missing'];
const ID = 'ctl00_Main_content_ucCredential_';

let ctx: Lifetime;
let settings: EffectiveSettings;
let remembered: Array<{ regions: string[]; region: string | null; offices: string[] }>;
let pageWorld: AbortController;

beforeEach(() => {
  fakeBrowser.reset();
  installFakePorts();
  document.documentElement.innerHTML = CLASSIC.replace(/^<!doctype html>/i, '').replace(/<script[\s\S]*?<\/script>/gi, '');
  settings = { settings: defaultSettings(), locked: [], problems: [] };
  remembered = [];
  onMessage('getSettings', () => settings); // the worker's part
  // The worker's checks, as entrypoints/background.ts serves them; the lists it remembers, here kept aside.
  serveFormChecks(
    async () => settings,
    async (seen) => remembered.push({ regions: [...seen.regions], region: seen.region, offices: [...seen.offices] }),
  );
  ctx = new Lifetime();
  pageWorld = new AbortController();
  watchPageValues(window, pageWorld.signal); // the page world's part, as entrypoints/page-world.ts starts it
});

afterEach(() => {
  pageWorld.abort();
  if (!ctx.signal.aborted) ctx.abort();
  removeAllListeners();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 120));
/** The worker's checks have answered a read (a message there and back: far less than a typing pause). */
const answered = () => new Promise((resolve) => setTimeout(resolve, 20));
const field = <T extends HTMLElement>(name: string) => document.getElementById(`${ID}${name}`) as T;
const shown = () =>
  Array.from(document.querySelectorAll('caljobs-assistant-note'))
    .flatMap((host) => Array.from(host.shadowRoot?.querySelectorAll('[data-check]') ?? []).map((n) => n.getAttribute('data-check') ?? ''))
    .sort();
const summary = () => document.querySelector('caljobs-assistant-summary')?.shadowRoot?.querySelector('[data-check-summary]');

/**
 * A key, as the browser types it: the value changes inside the browser (not through the page's `value`
 * setter, which the page world's part wraps), then the `input` event.
 */
const browsersValueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
function type(input: HTMLInputElement, value: string): void {
  browsersValueSetter.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

describe('the controller', () => {
  it('reads, checks and shows each blank field next to it, with the summary before Save', async () => {
    new Assistant(ctx).start();
    await settle();
    expect(shown()).toEqual(BLANK);
    expect([summary()?.getAttribute('data-errors'), summary()?.getAttribute('data-warnings')]).toEqual(['5', '2']);
    expect(field('btnSave').previousElementSibling?.localName).toBe('caljobs-assistant-summary');
  });

  it("an earlier copy's warnings (the extension was updated) stay until this copy's first findings come, then go; and go when the worker fails", async () => {
    removeAllListeners();
    installFakePorts(); // a worker that answers only as below
    onMessage('getSettings', () => settings);
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    onPortRequest('checkForm', async ({ data }) => {
      await released;
      return citeFindings(runChecks({ form: data.form, settings: settings.settings, today: new Date() }));
    });
    const old = document.createElement('caljobs-assistant-summary');
    field('btnSave').before(old);
    new Assistant(ctx).start();
    await settle();
    expect(old.isConnected).toBe(true); // nothing of this copy's is drawn yet: no gap without warnings
    release();
    await settle();
    expect(old.isConnected).toBe(false);
    expect(document.querySelectorAll('caljobs-assistant-summary')).toHaveLength(1);
    expect(shown()).toEqual(BLANK);

    ctx.abort();
    ctx = new Lifetime();
    removeAllListeners();
    installFakePorts();
    onMessage('getSettings', () => settings);
    onPortRequest('checkForm', () => Promise.reject(new Error('the worker is restarting')));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stale = document.createElement('caljobs-assistant-summary');
    field('btnSave').before(stale);
    new Assistant(ctx).start();
    await settle();
    expect(stale.isConnected).toBe(false); // nothing to draw in its place: a stale warning goes all the same
    errors.mockRestore();
  });

  it('follows typing once the typist pauses, a choice at once, and the page writing values without events at once', async () => {
    new Assistant(ctx).start();
    await settle();
    const input = field<HTMLInputElement>('txtDateReceived');
    for (const text of ['1', '13', '13/', '13/01/2015']) type(input, text); // keys in quick succession
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(shown()).toContain('date-missing'); // not read yet: staff are typing
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(shown()).toContain('date-invalid'); // read at the pause, 400 to 800 ms after the last key
    expect(shown()).not.toContain('date-missing');
    field<HTMLSelectElement>('ddlRegion').value = '12';
    field('ddlRegion').dispatchEvent(new Event('change', { bubbles: true }));
    await answered(); // a choice is read at once (no pause), drawn when the worker's checks answer
    expect(shown()).not.toContain('region-missing');
    field<HTMLInputElement>('txtDateReceived').value = '08/08/2015'; // as the Today link does: no event
    await answered(); // told when the page's script is done, well before a typing pause would be
    expect(shown()).not.toContain('date-invalid');
  });

  it('while staff keep typing, the form is not read: it is read once they pause', async () => {
    new Assistant(ctx).start();
    await settle();
    const input = field<HTMLInputElement>('txtDateReceived');
    for (let key = 1; key <= 15; key += 1) {
      type(input, '08/08/2015'.slice(0, (key % 10) + 1)); // a key every 100 ms for 1.5 s
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(shown()).toContain('date-missing'); // not read while typing
    await new Promise((resolve) => setTimeout(resolve, 850));
    expect(shown()).not.toContain('date-missing'); // read at the pause
    expect(shown()).toContain('date-invalid'); // the 15th key: "08/08/"
  });

  it('a native select chosen by script (no event) is read at once', async () => {
    // (A select's own value and selectedIndex setters: live-checks.e2e.ts, in real browsers; happy-dom's
    // select is a proxy that does not go through them.)
    new Assistant(ctx).start();
    await settle();
    const region = field<HTMLSelectElement>('ddlRegion');
    Array.from(region.options).find((o) => o.value === '12')!.selected = true;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown()).not.toContain('region-missing');
    region.options[0]!.selected = true;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shown()).toContain('region-missing');
  });

  it('applies office defaults after the read, never inside it, and never over a choice', async () => {
    settings.settings = { ...defaultSettings(), region: 'los angeles county', office: 'Example WorkSource Center', autoFill: true };
    field<HTMLSelectElement>('ddlOffice').value = '302'; // the user's own choice
    const changes: string[] = [];
    const writtenDuringARead: string[] = [];
    document.addEventListener('change', (event) => {
      changes.push((event.target as HTMLElement).id);
      // Who is writing: a page action, never the reader or an update (read → check → render).
      const stack = new Error().stack ?? '';
      if (/Assistant\.update|snapshotOf|currentLayout|readCredentialForm/.test(stack)) writtenDuringARead.push(stack);
    });
    new Assistant(ctx).start();
    await Promise.resolve();
    await Promise.resolve();
    // The settings arrived and the page was read: nothing written yet.
    expect(field<HTMLSelectElement>('ddlRegion').value).toBe('');
    await settle();
    expect(field<HTMLSelectElement>('ddlRegion').value).toBe('12');
    expect(field<HTMLSelectElement>('ddlOffice').value).toBe('302');
    expect(changes).toEqual([`${ID}ddlRegion`]); // the page saw the choice as its own, once
    expect(writtenDuringARead).toEqual([]);
    expect(summary()?.querySelector('.said')?.textContent).toBe('Office defaults were filled in automatically.');
    expect(shown()).not.toContain('region-missing');
  });

  it('offers "Apply office defaults" only while a default can be applied', async () => {
    settings.settings = { ...defaultSettings(), region: 'City of Los Angeles' };
    new Assistant(ctx).start();
    await settle();
    const apply = summary()?.querySelector<HTMLButtonElement>('[data-action=apply-defaults]');
    expect(apply).toBeTruthy();
    apply!.click();
    await settle();
    expect(field<HTMLSelectElement>('ddlRegion').value).toBe('13');
    expect(summary()?.querySelector('[data-action=apply-defaults]')).toBeNull();
    expect(summary()?.querySelector('.said')?.textContent).toBe('Office defaults applied.');
  });

  it('removes everything it added when the extension goes away, and Save is the page\'s again', async () => {
    new Assistant(ctx).start();
    await settle();
    expect(document.querySelectorAll('caljobs-assistant-note, caljobs-assistant-summary').length).toBeGreaterThan(0);
    ctx.abort();
    await settle();
    expect(document.querySelectorAll('caljobs-assistant-note, caljobs-assistant-summary, caljobs-assistant-dialog')).toHaveLength(0);
    let clicked = 0;
    field('btnSave').addEventListener('click', (event) => {
      event.preventDefault();
      clicked += 1;
    });
    field('btnSave').click();
    expect(clicked).toBe(1);
  });

  it('holds Save while errors stand and shows what they are', async () => {
    new Assistant(ctx).start();
    await settle();
    let reached = 0;
    field('btnSave').addEventListener('click', (event) => {
      event.preventDefault();
      reached += 1;
    });
    field('btnSave').click();
    await settle();
    expect(reached).toBe(0);
    const dialog = document.querySelector('caljobs-assistant-dialog')?.shadowRoot;
    expect(dialog?.querySelector('dialog')?.open).toBe(true);
    expect(dialog?.querySelectorAll('[data-guard-check]').length).toBe(7);
    dialog?.querySelector<HTMLButtonElement>('[data-action=save-anyway]')?.click();
    expect(reached).toBe(1);
  });

  it("the worker remembers the form's region and office lists (option texts only) from the form it checks, once per set of lists", async () => {
    new Assistant(ctx).start();
    await settle();
    expect(remembered).toEqual([{ regions: ['Los Angeles County', 'City of Los Angeles'], region: null, offices: ['Example WorkSource Center', "Sample America's Job Center"] }]);
    type(field('txtDateReceived'), '08/08/2015'); // a value change: the lists did not change
    await settle();
    expect(remembered).toHaveLength(1);
    field<HTMLSelectElement>('ddlRegion').value = '12';
    field('ddlRegion').dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(remembered.at(-1)?.region).toBe('Los Angeles County');
  });

  it('offers "Make these my office defaults" from a filled form, confirms, saves through the worker and undoes', async () => {
    const made: unknown[] = [];
    const undone: unknown[] = [];
    onMessage('makeOfficeDefaults', ({ data }) => {
      made.push(data);
      return { effective: settings, undo: { profileId: 'office-1', before: {}, after: {} }, profileName: 'Main office', changed: true } as never;
    });
    onMessage('undoOfficeDefaults', ({ data }) => {
      undone.push(data);
      return settings as never;
    });
    field<HTMLSelectElement>('ddlRegion').value = '12';
    field<HTMLSelectElement>('ddlOffice').value = '301';
    field('lblAgencyCode').textContent = 'LA0211 - Example WorkSource Center';
    new Assistant(ctx).start();
    await settle();
    const setup = () => summary()?.querySelector('[data-office-setup]');
    expect(setup()?.getAttribute('data-office-setup')).toBe('offer');
    setup()!.querySelector<HTMLButtonElement>('[data-action=keep-office]')!.click();
    await settle();
    expect(setup()?.getAttribute('data-office-setup')).toBe('confirm');
    setup()!.querySelector<HTMLButtonElement>('[data-action=confirm-office]')!.click();
    await settle();
    expect(made).toEqual([{ region: 'Los Angeles County', office: 'Example WorkSource Center', agencyCode: 'LA0211', agencyName: 'Example WorkSource Center' }]);
    expect(setup()?.getAttribute('data-office-setup')).toBe('done');
    setup()!.querySelector<HTMLButtonElement>('[data-action=undo-office]')!.click();
    await settle();
    expect(undone).toEqual([{ undo: { profileId: 'office-1', before: {}, after: {} } }]);
    expect(setup()?.getAttribute('data-office-setup')).toBe('undone');
  });

  it('never offers it when IT policy locks the office, or when the form already shows the office defaults', async () => {
    field<HTMLSelectElement>('ddlRegion').value = '12';
    field<HTMLSelectElement>('ddlOffice').value = '301';
    field('lblAgencyCode').textContent = 'LA0211 - Example WorkSource Center';
    settings = { settings: { ...defaultSettings(), region: 'Los Angeles County', office: 'Example WorkSource Center', agencyCode: { code: 'LA0211', name: '' } }, locked: [], problems: [] };
    new Assistant(ctx).start();
    await settle();
    expect(summary()?.querySelector('[data-office-setup]')).toBeNull();
    ctx.abort();
    settings = { settings: defaultSettings(), locked: ['office'], problems: [] };
    ctx = new Lifetime();
    new Assistant(ctx).start();
    await settle();
    expect(summary()?.querySelector('[data-office-setup]')).toBeNull();
  });

  it('while the worker answers, the 2 s check that the extension is still there waits: it comes 2 s after the last answer', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const asked = vi.spyOn(ctx, 'isInvalid', 'get').mockReturnValue(false);
      new Assistant(ctx).start();
      await vi.advanceTimersByTimeAsync(100);
      const input = field<HTMLInputElement>('txtDateReceived');
      for (const text of ['1', '12', '12/', '12/0']) {
        type(input, text); // a key, then a pause: read, checked by the worker, drawn
        await vi.advanceTimersByTimeAsync(1500);
      }
      expect(shown()).toContain('date-invalid'); // the worker did answer each read
      expect(asked).not.toHaveBeenCalled(); // 6 s, and no check of its own: each answer said the extension is there
      await vi.advanceTimersByTimeAsync(1500);
      expect(asked).toHaveBeenCalledTimes(1); // nothing done for 2 s: checked
    } finally {
      vi.useRealTimers();
    }
  });

  it('a case page nobody follows sets no timer shorter than the 2 s check; one a side panel asks for is read every 400 ms', async () => {
    document.documentElement.innerHTML = CASE.replace(/^<!doctype html>/i, '').replace(/<script[\s\S]*?<\/script>/gi, '');
    const delays: number[] = [];
    const setTimer = window.setTimeout.bind(window);
    const setRepeat = window.setInterval.bind(window);
    const spies = [
      vi.spyOn(window, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
        delays.push(ms ?? 0);
        return setTimer(fn, ms);
      }) as typeof window.setTimeout),
      vi.spyOn(window, 'setInterval').mockImplementation(((fn: () => void, ms?: number) => {
        delays.push(ms ?? 0);
        return setRepeat(fn, ms);
      }) as typeof window.setInterval),
    ];
    const states: Array<{ credentialsExpanded?: boolean }> = [];
    onMessage('pageState', ({ data }) => {
      if (data.snapshot.page === 'case-page') states.push(data.snapshot.casePage);
    });
    try {
      new Assistant(ctx).start();
      await new Promise((resolve) => setTimer(resolve, 900));
      expect(delays.filter((ms) => ms > 100 && ms < 2000)).toEqual([]); // no 400 ms poll: nobody follows the page
      await sendMessage('requestPageState'); // a side panel opens on the page
      expect(states.at(-1)?.credentialsExpanded).toBe(false);
      // Staff expand the Credentials section: only a style changes (no node added), so only a read sees it.
      document.getElementById('ctl00_Main_content_ucPrograms_rgPrograms_ctl00_ctl04_trDetail')!.removeAttribute('style');
      document.getElementById('ctl00_Main_content_ucPrograms_ucWIOA_pnlCredentials')!.removeAttribute('style');
      await new Promise((resolve) => setTimer(resolve, 700));
      expect(states.at(-1)?.credentialsExpanded).toBe(true);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
