import { defineCheck } from './types';

export default defineCheck({
  id: 'verification-missing',
  severity: 'warning',
  field: 'verification',
  source: 'tegl2319',
  title: 'No verification document is attached',
  run: ({ form }) =>
    form.verification.found && !form.verification.chosen
      ? {
          message: 'Attach proof: click Verify and pick the document.',
          detail:
            'The credential type and date must be backed by source documentation: a copy of the credential or school record, a case note of what the provider reported, or a data match. Click Verify, choose the document, then scan or upload it.',
        }
      : null,
});
