import { defineCheck } from './types';

export default defineCheck({
  id: 'credential-missing',
  severity: 'error',
  field: 'credential',
  source: 'helpSheet',
  title: 'Credential Received is not chosen',
  run: ({ form }) =>
    form.credential.found && !form.credential.chosen
      ? {
          message: 'Choose the Credential Received.',
          detail:
            'Pick the kind of credential the participant attained from the Credential Received list. CalJOBS requires it, and it decides whether the credential counts.',
        }
      : null,
});
