import { defineCheck } from './types';

export default defineCheck({
  id: 'date-missing',
  severity: 'error',
  field: 'date',
  source: 'helpSheet',
  title: 'Date Credential Received is empty',
  run: ({ form }) =>
    form.date.found && form.date.text.trim() === ''
      ? {
          message: 'Enter the Date Credential Received (mm/dd/yyyy).',
          detail:
            'Enter the date the participant attained the credential, as printed on the certificate or license, in mm/dd/yyyy form.',
        }
      : null,
});
