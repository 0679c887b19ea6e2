import { citeFindings, runChecks } from '../checks';
import type { EffectiveSettings } from '../settings/defaults';
import { CheckFormRequest, onMessage } from './schemas';

/**
 * The worker's side of `checkForm` (protocol.ts): runs every check on the form a page's assistant
 * read, with the office settings in effect (`settings`: the worker's store; a stand-in in tests) and
 * today's date, and answers the findings with their sources' short names. The checks, the credential
 * catalogue and their texts are thus in no CalJOBS page's script (issue 15's size budget); the page
 * reads the form and draws what comes back. The form (participant data) is validated, checked and
 * dropped: nothing is kept, stored or logged. A request that is not a form is refused with a message
 * that names no value. Registered by entrypoints/background.ts; returns the function that removes it.
 */
export function serveFormChecks(settings: () => Promise<EffectiveSettings>): () => void {
  return onMessage('checkForm', async ({ data }) => {
    const request = CheckFormRequest.safeParse(data);
    if (!request.success) throw new Error('Not a Create Credential form as the assistant reads it.');
    const effective = await settings();
    return citeFindings(runChecks({ form: request.data.form, settings: effective.settings, today: new Date() }));
  });
}
