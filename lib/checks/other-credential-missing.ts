import { isOtherCredential } from '../rules/credential-types';
import { defineCheck } from './types';

export default defineCheck({
  id: 'other-credential-missing',
  severity: 'error',
  field: 'otherCredential',
  source: 'helpSheet',
  title: 'An "Other…" credential is chosen but Other Credential is empty',
  run: ({ form }) =>
    form.credential.chosen &&
    isOtherCredential(form.credential.text) &&
    form.otherCredential.found &&
    form.otherCredential.text.trim() === ''
      ? {
          message: 'Name the credential in Other Credential.',
          detail:
            'You chose an "Other" credential type. Type the credential\'s exact name in Other Credential, as printed on the certificate, so it can be validated later.',
        }
      : null,
});
