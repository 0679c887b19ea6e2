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

  report(form: CredentialForm): void {
    const regions = form.region.options;
    const offices = form.office.options;
    if (!regions?.length && !offices?.length) return;
    const data = { regions: regions ?? [], region: form.region.chosen ? form.region.text : null, offices: offices ?? [] };
    const key = JSON.stringify(data);
    if (key === this.sent) return;
    this.sent = key;
    sendMessage('rememberFormChoices', data).catch((error: unknown) => logErrorOnce('remembering the CalJOBS lists', error));
  }
}
