import { sendMessage } from '../messaging/page';
import type { CredentialForm } from '../page/snapshot';
import { logErrorOnce } from '../util/log';

/**
 * Tells the worker which LWIA/Region and Office Location choices this form offers, so supervisors pick
 * their office defaults from what CalJOBS really shows (the options page's pickers). Option texts
 * only: office names, never participant data. Sent once per distinct set of lists.
 */
export class ChoiceReporter {
  private sent = '';

  private seen: { regions?: string[] | undefined; offices?: string[] | undefined; region: string } = { region: '' };

  report(form: CredentialForm): void {
    const regions = form.region.options;
    const offices = form.office.options;
    if (!regions?.length && !offices?.length) return;
    // Typing elsewhere on the form changes none of this: compare before building anything.
    const region = form.region.chosen ? form.region.text : '';
    const seen = this.seen;
    if (seen.region === region && sameList(seen.regions, regions) && sameList(seen.offices, offices)) return;
    this.seen = { regions, offices, region };
    const data = { regions: regions ?? [], region: form.region.chosen ? form.region.text : null, offices: offices ?? [] };
    const key = JSON.stringify(data);
    if (key === this.sent) return;
    this.sent = key;
    sendMessage('rememberFormChoices', data).catch((error: unknown) => logErrorOnce('remembering the CalJOBS lists', error));
  }
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a === b || (!!a && !!b && a.length === b.length && a.every((text, i) => text === b[i]));
}
