import { citeFindings, runChecks } from '../checks';
import type { CredentialForm } from '../page/snapshot';
import type { SeenFormChoices } from '../settings/choices';
import { rememberFormChoices } from '../settings/choices-store';
import type { EffectiveSettings } from '../settings/defaults';
import { logErrorOnce } from '../util/log';
import { CheckFormRequest } from './schemas';
import { onPortRequest } from './worker-port';

/**
 * The worker's side of `checkForm` (protocol.ts): a page's assistant sends the Create Credential form it
 * read, over its port to the worker (`askWorker`; lib/messaging/worker-port.ts answers); the worker runs
 * every check on it with the office settings in effect (`settings`: the worker's store; a stand-in in
 * tests) and today's date, and answers the findings with their sources' short names. The checks, the
 * credential catalogue and their texts are thus in no CalJOBS page's script (issue 15's size budget);
 * the page reads the form and draws what comes back.
 *
 * The form's Region and Office Location lists (option texts: office names, never participant data) are
 * remembered on the way (`remember`: lib/settings/choices-store.ts, which writes only what changed), so
 * supervisors pick their office defaults from what CalJOBS really shows (issue 13). Everything else in
 * the form (participant data) is validated, checked and dropped: nothing of it is kept, stored or
 * logged. A request that is not a form is refused with a message that names no value. Registered by
 * entrypoints/background.ts; returns the function that removes it.
 */
export function serveFormChecks(
  settings: () => Promise<EffectiveSettings>,
  remember: (seen: SeenFormChoices) => Promise<unknown> = rememberFormChoices,
): () => void {
  /** The lists last remembered (lost when the worker stops: the store then compares, and writes nothing). */
  let remembered = '';
  return onPortRequest('checkForm', async ({ data }) => {
    const request = CheckFormRequest.safeParse(data);
    if (!request.success) throw new Error('Not a Create Credential form as the assistant reads it.');
    const { form } = request.data;
    const seen = choicesOf(form);
    const key = seen ? JSON.stringify(seen) : '';
    if (seen && key !== remembered) {
      remembered = key;
      remember(seen).catch((error: unknown) => {
        remembered = '';
        logErrorOnce('remembering the CalJOBS lists', error);
      });
    }
    const effective = await settings();
    return citeFindings(runChecks({ form, settings: effective.settings, today: new Date() }));
  });
}

/** The Region and Office Location lists a form shows, and the region chosen; null when it shows neither list. */
export function choicesOf(form: CredentialForm): SeenFormChoices | null {
  const regions = form.region.options ?? [];
  const offices = form.office.options ?? [];
  if (!regions.length && !offices.length) return null;
  return { regions, region: form.region.chosen ? form.region.text : null, offices };
}
