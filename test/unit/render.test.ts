// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Lifetime } from '@/lib/controller/lifetime';
import { citeFindings, type CitedFinding, type Finding } from '@/lib/checks';
import { watchPagePosts } from '@/lib/actions/page-posts';
import { SaveWatch } from '@/lib/actions/save-watch';
import type { SaveControl } from '@/lib/page/save';
import { InlineNotes } from '@/lib/render/inline-notes';
import { SaveDialog } from '@/lib/render/save-dialog';
import { Summary } from '@/lib/render/summary';
import { formView } from '@/lib/render/view';

/** The renderers on their own: our hosts, their shadow roots, what they redraw and when. */

/** A finding as the worker answers it (lib/messaging/check-form.ts): with its source's short name. */
const finding = (over: Partial<Finding> & Pick<Finding, 'id'>): CitedFinding =>
  citeFindings([
    {
      severity: 'error',
      field: 'date',
      message: `Message of ${over.id}`,
      detail: `Detail of ${over.id}, with what to do.`,
      source: 'helpSheet',
      ...over,
    },
  ])[0]!;

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
const failOnError = (error: unknown) => {
  throw error;
};

let ctx: Lifetime;
beforeEach(() => {
  document.body.innerHTML = `
    <form id="aspnetForm">
      <table><tr><td id="date-cell"><input id="date"></td></tr><tr><td id="date-cell-2"><input id="date2"></td></tr>
      <tr><td id="region-cell"><select id="region"></select></td></tr></table>
      <input type="submit" id="save" value="Save"> <input type="submit" id="save2" value="Save">
    </form>`;
  ctx = new Lifetime();
});

const el = (id: string) => document.getElementById(id) as HTMLElement;
const notesIn = (anchor: Element) =>
  Array.from(anchor.querySelectorAll('caljobs-assistant-note')).flatMap((host) =>
    Array.from(host.shadowRoot?.querySelectorAll('[data-check]') ?? []).map((n) => n.getAttribute('data-check')),
  );
const anchors = (notes: Record<string, string>, save: string | null, unwatchedAfter?: string) => ({
  notes: new Map(Object.entries(notes).map(([field, id]) => [field as Finding['field'] & string, el(id)])),
  summary: save ? { element: el(save), position: 'before' as const } : unwatchedAfter ? { element: el(unwatchedAfter), position: 'after' as const } : null,
  saveWatched: save !== null,
});

describe('the view: one key per read', () => {
  it('groups findings by field, keyed by what is shown, and keys the summary apart', () => {
    const findings = [finding({ id: 'date-missing' }), finding({ id: 'region-missing', field: 'region' }), finding({ id: 'form-wide', field: null })];
    const view = formView(findings, anchors({ date: 'date-cell', region: 'region-cell' }, 'save'), { offerDefaults: false, announcement: '' });
    expect([...view.notes.keys()]).toEqual(['date', 'region']);
    expect(view.notes.get('date')?.anchor).toBe(el('date-cell'));
    const reworded = formView([finding({ id: 'date-missing', message: 'Other words' }), ...findings.slice(1)], anchors({ date: 'date-cell', region: 'region-cell' }, 'save'), {
      offerDefaults: false,
      announcement: '',
    });
    expect(reworded.notes.get('date')?.key).not.toBe(view.notes.get('date')?.key);
    expect(reworded.notes.get('region')?.key).toBe(view.notes.get('region')?.key);
    const offered = formView(findings, anchors({ date: 'date-cell', region: 'region-cell' }, 'save'), { offerDefaults: true, announcement: '' });
    expect(offered.summary?.key).not.toBe(view.summary?.key);
    expect(formView(findings, anchors({}, null), { offerDefaults: false, announcement: '' }).summary).toBeNull();
  });

  it('puts no note where the reader found no place for it', () => {
    const view = formView([finding({ id: 'date-missing' })], anchors({}, 'save'), { offerDefaults: false, announcement: '' });
    expect(view.notes.size).toBe(0);
    expect(view.summary?.findings).toHaveLength(1);
  });
});

describe('inline notes', () => {
  it('draws one host per field in its value cell, with the severity in words and "Why?" from the keyboard', async () => {
    const notes = new InlineNotes(ctx, failOnError);
    const view = formView([finding({ id: 'date-missing' }), finding({ id: 'date-invalid', severity: 'warning' })], anchors({ date: 'date-cell' }, null), {
      offerDefaults: false,
      announcement: '',
    });
    notes.update(view.notes);
    await tick();
    notes.update(view.notes);
    const hosts = el('date-cell').querySelectorAll('caljobs-assistant-note');
    expect(hosts).toHaveLength(1);
    expect(hosts[0]?.hasAttribute('name')).toBe(false);
    const shadow = hosts[0]!.shadowRoot!;
    expect(Array.from(shadow.querySelectorAll('.kind')).map((k) => k.textContent)).toEqual(['Error:', 'Warning:']);
    const why = shadow.querySelector<HTMLButtonElement>('button.more')!;
    const detail = shadow.getElementById(why.getAttribute('aria-controls')!)!;
    expect(detail.hidden).toBe(true);
    why.click();
    expect(why.getAttribute('aria-expanded')).toBe('true');
    expect(detail.hidden).toBe(false);
    expect(shadow.querySelectorAll('[name]')).toHaveLength(0);
  });

  it('redraws only when the key changes, moves (never copies) the host when the field is re-rendered, hides when fixed', async () => {
    const notes = new InlineNotes(ctx, failOnError);
    const first = formView([finding({ id: 'date-missing' })], anchors({ date: 'date-cell' }, null), { offerDefaults: false, announcement: '' });
    notes.update(first.notes);
    await tick();
    const host = el('date-cell').querySelector('caljobs-assistant-note')!;
    const drawn = host.shadowRoot!.querySelector('[data-check]');
    notes.update(first.notes); // same key: nothing redrawn
    expect(host.shadowRoot!.querySelector('[data-check]')).toBe(drawn);
    const moved = formView([finding({ id: 'date-missing' })], anchors({ date: 'date-cell-2' }, null), { offerDefaults: false, announcement: '' });
    notes.update(moved.notes);
    expect(notesIn(el('date-cell'))).toEqual([]);
    expect(notesIn(el('date-cell-2'))).toEqual(['date-missing']);
    expect(el('date-cell-2').querySelector('caljobs-assistant-note')).toBe(host);
    notes.update(new Map());
    expect(document.querySelectorAll('caljobs-assistant-note')).toHaveLength(0);
    // The same note back (the field emptied again): the host is put back, its note not drawn anew.
    notes.update(moved.notes);
    expect(notesIn(el('date-cell-2'))).toEqual(['date-missing']);
    expect(host.shadowRoot!.querySelector('[data-check]')).toBe(drawn);
    // Other notes: drawn anew, the one hidden before is gone.
    notes.update(new Map());
    notes.update(formView([finding({ id: 'date-invalid', message: 'Not a date' })], anchors({ date: 'date-cell-2' }, null), { offerDefaults: false, announcement: '' }).notes);
    expect(notesIn(el('date-cell-2'))).toEqual(['date-invalid']);
    expect(el('date-cell-2').querySelectorAll('caljobs-assistant-note')).toHaveLength(1);
    notes.removeAll();
  });
});

describe('summary', () => {
  it('sits before Save, counts by severity, offers office defaults, and keeps one live region', async () => {
    const actions = { showField: vi.fn(), applyDefaults: vi.fn(), keepOffice: vi.fn(), confirmOffice: vi.fn(), cancelOffice: vi.fn(), undoOffice: vi.fn() };
    const summary = new Summary(ctx, actions, failOnError);
    const findings = [finding({ id: 'date-missing' }), finding({ id: 'activity-missing', field: 'activity', severity: 'warning' })];
    summary.update(formView(findings, anchors({}, 'save'), { offerDefaults: true, announcement: '' }).summary);
    await tick();
    const host = el('save').previousElementSibling!;
    expect(host.localName).toBe('caljobs-assistant-summary');
    const section = host.shadowRoot!.querySelector('[data-check-summary]')!;
    expect([section.getAttribute('data-errors'), section.getAttribute('data-warnings'), section.getAttribute('data-state')]).toEqual(['1', '1', 'errors']);
    const status = section.querySelector('[role=status]')!;
    expect(status.textContent).toBe('1 error, 1 warning to review before saving.');
    section.querySelector<HTMLButtonElement>('[data-action=apply-defaults]')!.click();
    expect(actions.applyDefaults).toHaveBeenCalledTimes(1);
    section.querySelector<HTMLButtonElement>('li button')!.click();
    expect(actions.showField).toHaveBeenCalledWith(findings[0]);
    summary.update(formView([], anchors({}, 'save'), { offerDefaults: false, announcement: 'Office defaults applied.' }).summary);
    const after = host.shadowRoot!.querySelector('[data-check-summary]')!;
    expect(after.getAttribute('data-state')).toBe('ready');
    expect(after.querySelector('[role=status]')).toBe(status); // the same live region: the change is announced
    expect(status.textContent).toBe('Ready to save.');
    expect(after.querySelector('.said')?.textContent).toBe('Office defaults applied.');
    summary.update(formView([], anchors({}, 'save2'), { offerDefaults: false, announcement: '' }).summary);
    expect(el('save2').previousElementSibling).toBe(host);
    expect(document.querySelectorAll('caljobs-assistant-summary')).toHaveLength(1);
    expect(host.shadowRoot!.querySelector('[data-save-unwatched]')).toBeNull();
    // No Save found: the summary goes after the last field's row and says Save is not watched.
    summary.update(formView(findings, anchors({}, null, 'region-cell'), { offerDefaults: false, announcement: '' }).summary);
    expect(el('region-cell').nextElementSibling).toBe(host);
    expect(host.shadowRoot!.querySelector('[data-save-unwatched]')?.textContent).toMatch(/^Save is not watched on this page/);
    summary.update(null);
    expect(document.querySelectorAll('caljobs-assistant-summary')).toHaveLength(0);
  });

  it('when only the findings change, updates the list and counts in place: kept items keep their node and focus', async () => {
    const actions = { showField: vi.fn(), applyDefaults: vi.fn(), keepOffice: vi.fn(), confirmOffice: vi.fn(), cancelOffice: vi.fn(), undoOffice: vi.fn() };
    const summary = new Summary(ctx, actions, failOnError);
    const show = (findings: CitedFinding[]) => summary.update(formView(findings, anchors({}, 'save'), { offerDefaults: false, announcement: '' }).summary);
    const region = finding({ id: 'region-missing', field: 'region' });
    const date = finding({ id: 'date-missing' });
    const activity = finding({ id: 'activity-missing', field: 'activity', severity: 'warning' });
    show([region, date, activity]);
    await tick();
    const root = el('save').previousElementSibling!.shadowRoot!;
    const section = root.querySelector('[data-check-summary]')!;
    const status = section.querySelector('[role=status]')!;
    const items = () => Array.from(root.querySelectorAll('li')).map((li) => li.getAttribute('data-summary-check'));
    const item = (id: string) => root.querySelector<HTMLElement>(`li[data-summary-check="${id}"]`)!;
    const activityItem = item('activity-missing');
    item('activity-missing').querySelector('button')!.focus();
    show([region, activity]); // the date was typed
    expect(root.querySelector('[data-check-summary]')).toBe(section); // not drawn anew
    expect(items()).toEqual(['region-missing', 'activity-missing']);
    expect(item('activity-missing')).toBe(activityItem);
    expect(root.activeElement).toBe(activityItem.querySelector('button')); // focus stays where staff were
    expect([section.getAttribute('data-errors'), section.getAttribute('data-warnings')]).toEqual(['1', '1']);
    expect(status.textContent).toBe('1 error, 1 warning to review before saving.');
    const dateInvalid = finding({ id: 'date-invalid', message: 'The date is not a date.' });
    show([region, dateInvalid, activity]); // a new finding in the middle
    expect(items()).toEqual(['region-missing', 'date-invalid', 'activity-missing']);
    expect(item('activity-missing')).toBe(activityItem);
    const regionNow = { ...region, copy: 'LA0211' }; // same item, the finding as it is now
    show([regionNow, dateInvalid, activity]);
    item('region-missing').querySelector('button')!.click();
    expect(actions.showField).toHaveBeenLastCalledWith(regionNow); // a kept item acts on the finding as it is now
    show([]); // the list goes: drawn anew, the live region kept
    expect(items()).toEqual([]);
    expect(root.querySelector('[role=status]')).toBe(status);
    expect(status.textContent).toBe('Ready to save.');
    show([date]); // and comes back
    expect(items()).toEqual(['date-missing']);
    expect(root.querySelector('[data-check-summary]')!.getAttribute('data-errors')).toBe('1');
    summary.remove();
  });
});

describe('"Make these my office defaults" in the summary', () => {
  it('offers, asks to confirm with the names, and shows Undo once saved', async () => {
    const actions = { showField: vi.fn(), applyDefaults: vi.fn(), keepOffice: vi.fn(), confirmOffice: vi.fn(), cancelOffice: vi.fn(), undoOffice: vi.fn() };
    const summary = new Summary(ctx, actions, failOnError);
    const office = { region: 'Los Angeles County', office: 'Example WorkSource Center', agencyCode: 'LA0211', agencyName: 'Example WorkSource Center' };
    const show = (officeSetup: Parameters<typeof formView>[2]['officeSetup']) =>
      summary.update(formView([], anchors({}, 'save'), { offerDefaults: false, announcement: '', officeSetup }).summary);
    const shadow = async () => {
      await tick();
      return document.querySelector('caljobs-assistant-summary')!.shadowRoot!;
    };
    show(null);
    expect((await shadow()).querySelector('[data-office-setup]')).toBeNull();
    show({ stage: 'offer', office });
    (await shadow()).querySelector<HTMLButtonElement>('[data-action=keep-office]')!.click();
    expect(actions.keepOffice).toHaveBeenCalledTimes(1);
    show({ stage: 'confirm', office });
    const confirm = (await shadow()).querySelector('[data-office-setup=confirm]')!;
    expect(confirm.textContent).toContain('Make Los Angeles County, Example WorkSource Center and agency code LA0211 your office defaults?');
    confirm.querySelector<HTMLButtonElement>('[data-action=confirm-office]')!.click();
    confirm.querySelector<HTMLButtonElement>('[data-action=cancel-office]')!.click();
    expect([actions.confirmOffice.mock.calls.length, actions.cancelOffice.mock.calls.length]).toEqual([1, 1]);
    show({ stage: 'done', office, profileName: 'Example WorkSource Center' });
    const done = (await shadow()).querySelector('[data-office-setup=done]')!;
    expect(done.querySelector('[role=status]')?.textContent).toMatch(/are now the office defaults of profile "Example WorkSource Center"/);
    done.querySelector<HTMLButtonElement>('[data-action=undo-office]')!.click();
    expect(actions.undoOffice).toHaveBeenCalledTimes(1);
    expect((await shadow()).querySelectorAll('[name]')).toHaveLength(0);
  });
});

describe('the Save guard', () => {
  const saveOf = (id: string, path: SaveControl['path'] = 'submit', targets: string[] = [id]): SaveControl => ({ element: el(id), path, targets });

  const scopes: AbortController[] = [];
  afterEach(() => {
    for (const scope of scopes.splice(0)) scope.abort(); // each test's watch ends with it
  });

  function watch(saves: SaveControl[], mustAsk: () => boolean | Promise<boolean>, onError: (error: unknown) => void = failOnError) {
    const asked: Array<{ replay: () => void; returnFocus: HTMLElement | null }> = [];
    const scope = new AbortController();
    scopes.push(scope);
    new SaveWatch({ saves: () => saves, formRoot: () => el('aspnetForm'), mustAsk, ask: (replay, returnFocus) => asked.push({ replay, returnFocus }), onError }).start(scope.signal);
    return { asked, scope };
  }

  it('holds a click on any Save while errors stand, asks, and replays the same click once on Save anyway', () => {
    let mustAsk = true;
    const pageClicks: string[] = [];
    for (const id of ['save', 'save2']) {
      el(id).addEventListener('click', (event) => {
        event.preventDefault(); // the page's own handler (and no real navigation in the test)
        pageClicks.push(id);
      });
    }
    const { asked, scope } = watch([saveOf('save'), saveOf('save2')], () => mustAsk);
    el('save2').click();
    expect(pageClicks).toEqual([]);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.returnFocus).toBe(el('save2'));
    asked[0]!.replay();
    expect(pageClicks).toEqual(['save2']);
    mustAsk = false;
    el('save').click();
    expect(pageClicks).toEqual(['save2', 'save']);
    expect(asked).toHaveLength(1);
    scope.abort(); // the form is gone: the guard lets everything through
    mustAsk = true;
    el('save').click();
    expect(pageClicks).toEqual(['save2', 'save', 'save']);
  });

  it('while the findings are on their way, holds Save, then posts it unasked (nothing to review) or asks; a second Save meanwhile is not posted twice', async () => {
    const pageClicks: string[] = [];
    el('save').addEventListener('click', (event) => {
      event.preventDefault();
      pageClicks.push('save');
    });
    let answer: (ask: boolean) => void = () => {};
    const { asked } = watch([saveOf('save')], () => new Promise<boolean>((resolve) => (answer = resolve)));
    el('save').click();
    el('save').click(); // pressed again while waiting
    expect(pageClicks).toEqual([]);
    answer(false); // the worker: nothing to review
    await tick();
    expect(pageClicks).toEqual(['save']); // posted once, exactly as it was
    expect(asked).toEqual([]);
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 3000); // past the replayed post's window
    el('save').click();
    vi.restoreAllMocks();
    answer(true); // the worker: errors stand
    await tick();
    expect(pageClicks).toEqual(['save']);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.returnFocus).toBe(el('save'));
  });

  it('a Save whose findings never come (the worker failed) is posted, and the failure logged', async () => {
    const pageClicks: string[] = [];
    el('save').addEventListener('click', (event) => {
      event.preventDefault();
      pageClicks.push('save');
    });
    const errors: unknown[] = [];
    const { asked } = watch([saveOf('save')], () => Promise.reject(new Error('no answer')), (error) => errors.push(error));
    el('save').click();
    expect(pageClicks).toEqual([]);
    await tick();
    expect(pageClicks).toEqual(['save']);
    expect(asked).toEqual([]);
    expect(String(errors[0])).toContain('no answer');
  });

  it('Enter in a text box (the browser clicks the default button) is held, and Go back returns to the text box', () => {
    el('save').addEventListener('click', (event) => event.preventDefault());
    const { asked } = watch([saveOf('save')], () => true);
    el('date').focus();
    el('save').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, detail: 0 }));
    expect(asked[0]?.returnFocus).toBe(el('date'));
  });

  it('never holds a click on anything that is not Save', () => {
    const { asked } = watch([saveOf('save')], () => true);
    el('date').click();
    el('region').click();
    expect(asked).toEqual([]);
  });

  it('holds requestSubmit() when __EVENTTARGET names Save, and replays it with the same target and argument', () => {
    const form = el('aspnetForm') as HTMLFormElement;
    form.insertAdjacentHTML('beforeend', '<input type="hidden" name="__EVENTTARGET" value=""><input type="hidden" name="__EVENTARGUMENT" value="">');
    const posted: string[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      posted.push(`${(form.elements.namedItem('__EVENTTARGET') as HTMLInputElement).value}|${(form.elements.namedItem('__EVENTARGUMENT') as HTMLInputElement).value}`);
    });
    const { asked } = watch([saveOf('save', 'link-postback', ['ctl00$Main_content$lnkSave'])], () => true);
    (form.elements.namedItem('__EVENTTARGET') as HTMLInputElement).value = 'ctl00$Main_content$ddlRegion';
    form.requestSubmit();
    expect(asked).toHaveLength(0); // an AutoPostBack: not Save
    expect(posted).toEqual(['ctl00$Main_content$ddlRegion|']);
    (form.elements.namedItem('__EVENTTARGET') as HTMLInputElement).value = 'ctl00_Main_content_lnkSave';
    (form.elements.namedItem('__EVENTARGUMENT') as HTMLInputElement).value = 'arg';
    form.requestSubmit();
    expect(asked).toHaveLength(1);
    expect(posted).toHaveLength(1);
    (form.elements.namedItem('__EVENTTARGET') as HTMLInputElement).value = 'changed meanwhile';
    asked[0]!.replay();
    expect(posted).toEqual(['ctl00$Main_content$ddlRegion|', 'ctl00_Main_content_lnkSave|arg']);
  });

  it("a script's form.submit() for Save (__doPostBack) is held through the page-world watch and replayed once as it was", () => {
    const form = el('aspnetForm') as HTMLFormElement;
    form.insertAdjacentHTML('beforeend', '<input type="hidden" name="__EVENTTARGET" value=""><input type="hidden" name="__EVENTARGUMENT" value="">');
    const submitted: string[] = [];
    const native = HTMLFormElement.prototype.submit;
    const pageSubmit = function (this: HTMLFormElement) {
      submitted.push(`${(this.elements.namedItem('__EVENTTARGET') as HTMLInputElement).value}|${(this.elements.namedItem('__EVENTARGUMENT') as HTMLInputElement).value}`);
    };
    HTMLFormElement.prototype.submit = pageSubmit;
    try {
      watchPagePosts(window);
      watchPagePosts(window); // a second injection changes nothing
      expect(HTMLFormElement.prototype.submit, 'nothing touched until the assistant asks').toBe(pageSubmit);
      // A click asked for from the content script happens once, from the page's world, however many
      // copies of the page-world script run (the extension was reloaded).
      let clicks = 0;
      el('save2').addEventListener('click', (event) => {
        event.preventDefault();
        clicks += 1;
      });
      const clickAsked = new CustomEvent('caljobs-assistant-click', { bubbles: true, cancelable: true });
      expect(el('save2').dispatchEvent(clickAsked)).toBe(false); // answered: the content script does not click itself
      expect(clicks).toBe(1);
      // The page's own __doPostBack, as WebForms writes it.
      const doPostBack = (target: string, argument: string) => {
        (form.elements.namedItem('__EVENTTARGET') as HTMLInputElement).value = target;
        (form.elements.namedItem('__EVENTARGUMENT') as HTMLInputElement).value = argument;
        // theForm.submit(), looked up on the prototype at each call as browsers do (happy-dom's form
        // proxy keeps the method it first returned).
        HTMLFormElement.prototype.submit.call(form);
      };
      doPostBack('ctl00$Main_content$lnkSave', ''); // no form found yet: posts as usual
      expect(submitted).toEqual(['ctl00$Main_content$lnkSave|']);
      const { asked, scope } = watch([saveOf('save', 'link-postback', ['ctl00$Main_content$lnkSave'])], () => true);
      expect(HTMLFormElement.prototype.submit).not.toBe(pageSubmit);
      doPostBack('ctl00$Main_content$gvActivities', 'Page$2'); // paging: never held
      expect(submitted).toEqual(['ctl00$Main_content$lnkSave|', 'ctl00$Main_content$gvActivities|Page$2']);
      doPostBack('ctl00$Main_content$lnkSave', '');
      expect(asked).toHaveLength(1);
      expect(submitted).toHaveLength(2);
      (form.elements.namedItem('__EVENTTARGET') as HTMLInputElement).value = 'something else meanwhile';
      asked[0]!.replay();
      expect(submitted).toEqual(['ctl00$Main_content$lnkSave|', 'ctl00$Main_content$gvActivities|Page$2', 'ctl00$Main_content$lnkSave|']);
      document.dispatchEvent(new CustomEvent('caljobs-assistant-replay')); // only once
      expect(submitted).toHaveLength(3);
      scope.abort(); // the extension goes away: every post goes through again
      doPostBack('ctl00$Main_content$lnkSave', '');
      expect(submitted).toHaveLength(4);
    } finally {
      HTMLFormElement.prototype.submit = native;
    }
  });

  it('the dialog lists what stands; Go back and Esc go back, Save anyway saves', async () => {
    const dialog = new SaveDialog(ctx, failOnError);
    const choice = { goBack: vi.fn(), saveAnyway: vi.fn() };
    dialog.open([finding({ id: 'date-missing' }), finding({ id: 'activity-missing', severity: 'warning' })], choice);
    await tick();
    const shadow = document.querySelector('caljobs-assistant-dialog')!.shadowRoot!;
    const box = shadow.querySelector('dialog')!;
    expect(box.open).toBe(true);
    expect(Array.from(shadow.querySelectorAll('[data-guard-check]')).map((li) => li.getAttribute('data-guard-check'))).toEqual(['date-missing', 'activity-missing']);
    expect(shadow.querySelector('h2')?.textContent).toBe('This credential has errors');
    shadow.querySelector<HTMLButtonElement>('[data-action=go-back]')!.click();
    expect(choice.goBack).toHaveBeenCalledTimes(1);
    expect(box.open).toBe(false);
    dialog.open([finding({ id: 'activity-missing', severity: 'warning' })], choice);
    await tick();
    expect(shadow.querySelector('h2')?.textContent).toBe('Check these before saving');
    box.dispatchEvent(new Event('cancel', { cancelable: true })); // Esc
    expect(choice.goBack).toHaveBeenCalledTimes(2);
    dialog.open([finding({ id: 'activity-missing', severity: 'warning' })], choice);
    await tick();
    shadow.querySelector<HTMLButtonElement>('[data-action=save-anyway]')!.click();
    expect(choice.saveAnyway).toHaveBeenCalledTimes(1);
    expect(choice.goBack).toHaveBeenCalledTimes(2);
    dialog.remove();
  });
});
