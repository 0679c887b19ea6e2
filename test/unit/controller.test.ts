// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Assistant } from '@/lib/controller/assistant';
import { onMessage, removeAllListeners } from '@/lib/messaging/protocol';
import { defaultSettings, type EffectiveSettings } from '@/lib/settings/defaults';

/**
 * The controller on the classic fixture (as the server sent it; the page's scripts do not run here):
 * one way from the reader to the renderers, actions after the read, everything gone when it stops.
 */
const CLASSIC = readFileSync(join(__dirname, '..', 'fixtures', 'create-credential-classic.html'), 'utf8');
const BLANK = ['activity-missing', 'agency-code-missing', 'credential-missing', 'date-missing', 'office-missing', 'region-missing', 'verification-missing'];
const ID = 'ctl00_Main_content_ucCredential_';

let ctx: ContentScriptContext;
let settings: EffectiveSettings;

beforeEach(() => {
  fakeBrowser.reset();
  document.documentElement.innerHTML = CLASSIC.replace(/^<!doctype html>/i, '').replace(/<script[\s\S]*?<\/script>/gi, '');
  settings = { settings: defaultSettings(), locked: [], problems: [] };
  onMessage('getSettings', () => settings); // the worker's part
  ctx = new ContentScriptContext('test', { cssInjectionMode: 'manual' } as never);
});

afterEach(() => {
  if (!ctx.signal.aborted) ctx.abort();
  removeAllListeners();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 120));
const field = <T extends HTMLElement>(name: string) => document.getElementById(`${ID}${name}`) as T;
const shown = () =>
  Array.from(document.querySelectorAll('caljobs-assistant-note'))
    .flatMap((host) => Array.from(host.shadowRoot?.querySelectorAll('[data-check]') ?? []).map((n) => n.getAttribute('data-check') ?? ''))
    .sort();
const summary = () => document.querySelector('caljobs-assistant-summary')?.shadowRoot?.querySelector('[data-check-summary]');

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
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

  it('follows typing at once (the same task), and the page writing values without events at the next poll', async () => {
    new Assistant(ctx).start();
    await settle();
    type(field('txtDateReceived'), '13/01/2015');
    await Promise.resolve(); // the update is queued in a microtask, before any timer
    expect(shown()).toContain('date-invalid');
    expect(shown()).not.toContain('date-missing');
    field<HTMLInputElement>('txtDateReceived').value = '08/08/2015'; // as the Today link does: no event
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(shown()).not.toContain('date-invalid');
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
});
