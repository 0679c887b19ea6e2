import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runChecks } from '@/lib/checks';
import { serveFormChecks } from '@/lib/messaging/check-form';
import { removeAllListeners } from '@/lib/messaging/protocol';
import { askWorker } from '@/lib/messaging/page';
import { installFakePorts } from './support/ports';
import { blankForm, type CredentialForm } from '@/lib/page/snapshot';
import { defaultSettings, type EffectiveSettings } from '@/lib/settings/defaults';
import { SOURCES } from '@/lib/rules/sources';
import type { SeenFormChoices } from '@/lib/settings/choices';
import { getRememberedChoices } from '@/lib/settings/choices-store';

/**
 * The worker's side of the checks (issue 15: the checks, the catalogue and their texts are in no
 * CalJOBS page's script): a page sends the form it read, the worker answers the findings with their
 * sources' short names and addresses, with the office settings in effect.
 */
let settings: EffectiveSettings;
let stop: () => void;
let remembered: SeenFormChoices[];
let remember: (seen: SeenFormChoices) => Promise<unknown>;

beforeEach(() => {
  fakeBrowser.reset();
  installFakePorts();
  settings = { settings: defaultSettings(), locked: [], problems: [] };
  remembered = [];
  remember = async (seen) => remembered.push(seen);
  stop = serveFormChecks(async () => settings, (seen) => remember(seen));
});

afterEach(() => {
  stop();
  removeAllListeners();
});

function form(): CredentialForm {
  const f = blankForm();
  f.region = { found: true, chosen: false, text: '' };
  f.credential = { found: true, chosen: true, text: 'Other Recognized Diploma, Degree, or Certificate' };
  f.otherCredential = { found: true, text: 'OSHA 10-Hour General Industry' };
  f.date = { found: true, text: '13/45/2015' };
  return f;
}

describe('checkForm, in the worker', () => {
  it('answers what the checks find, each with its source cited as the page shows it', async () => {
    const findings = await askWorker('checkForm', { form: form() });
    const ids = findings.map((finding) => finding.id);
    expect(ids).toEqual(runChecks({ form: form(), settings: settings.settings, today: new Date() }).map((finding) => finding.id));
    expect(ids).toEqual(expect.arrayContaining(['region-missing', 'date-invalid', 'credential-never-counts']));
    for (const finding of findings) expect(finding.cite).toEqual({ short: SOURCES[finding.source].short, url: SOURCES[finding.source].url });
  });

  it('checks with the office settings in effect when asked: a check switched off is not answered', async () => {
    expect((await askWorker('checkForm', { form: form() })).map((finding) => finding.id)).toContain('date-invalid');
    settings = { ...settings, settings: { ...settings.settings, checks: { 'date-invalid': false } } };
    expect((await askWorker('checkForm', { form: form() })).map((finding) => finding.id)).not.toContain('date-invalid');
  });

  it('refuses what is not a form, with a message that repeats none of it', async () => {
    const bad = { ...form(), date: { found: true, text: 12345 } } as unknown as CredentialForm;
    const refused = askWorker('checkForm', { form: bad });
    await expect(refused).rejects.toThrow('Not a Create Credential form');
    await expect(refused).rejects.not.toThrow('12345');
    await expect(askWorker('checkForm', undefined as never)).rejects.toThrow('Not a Create Credential form');
  });

  it("remembers the form's Region and Office Location lists on the way, once per set of lists", async () => {
    const f = form();
    f.region = { found: true, chosen: true, text: 'Los Angeles County', options: ['Los Angeles County', 'City of Los Angeles'] };
    f.office = { found: true, chosen: false, text: '', options: ['Example WorkSource Center'] };
    await askWorker('checkForm', { form: f });
    await askWorker('checkForm', { form: { ...f, date: { found: true, text: '08/08/2015' } } }); // typed: the lists did not change
    expect(remembered).toEqual([{ regions: ['Los Angeles County', 'City of Los Angeles'], region: 'Los Angeles County', offices: ['Example WorkSource Center'] }]);
    await askWorker('checkForm', { form: { ...f, region: { ...f.region, chosen: false, text: '' } } });
    expect(remembered.at(-1)?.region).toBeNull();
    await askWorker('checkForm', { form: form() }); // no lists: nothing to remember
    expect(remembered).toHaveLength(2);
  });

  it('answers the findings when remembering the lists fails, and tries again at the next form', async () => {
    remember = () => Promise.reject(new Error('storage is full'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const f = form();
    f.region = { found: true, chosen: false, text: '', options: ['Los Angeles County'] };
    expect((await askWorker('checkForm', { form: f })).map((finding) => finding.id)).toContain('region-missing');
    await new Promise((resolve) => setTimeout(resolve, 0));
    remember = async (seen) => remembered.push(seen);
    await askWorker('checkForm', { form: f });
    expect(remembered).toHaveLength(1);
    errors.mockRestore();
  });

  it('the real store keeps the lists a form showed, and nothing of a form that is refused', async () => {
    stop();
    stop = serveFormChecks(async () => settings);
    const f = form();
    f.region = { found: true, chosen: false, text: '', options: ['Los Angeles County'] };
    await askWorker('checkForm', { form: f });
    await vi.waitFor(async () => expect((await getRememberedChoices()).regions?.texts).toEqual(['Los Angeles County']));
    const bad = { ...f, region: { ...f.region, options: ['City of Los Angeles', 7] } } as unknown as CredentialForm;
    await expect(askWorker('checkForm', { form: bad })).rejects.toThrow('Not a Create Credential form');
    expect((await getRememberedChoices()).regions?.texts).toEqual(['Los Angeles County']);
  });
});
