import { isLaterDay, parseCalJobsDate } from '../rules/dates';
import { defineCheck } from './types';

export default defineCheck({
  id: 'date-in-future',
  severity: 'error',
  field: 'date',
  source: 'tegl1016',
  title: 'Date Credential Received is later than today',
  run: ({ form, today }) => {
    const parsed = parseCalJobsDate(form.date.text);
    return form.date.found && parsed.kind === 'valid' && isLaterDay(parsed.date, today)
      ? {
          message: 'This date is in the future.',
          detail:
            'A credential can only be recorded once it has been attained. Enter the date printed on the credential; if the participant has not received it yet, record it when they do.',
        }
      : null;
  },
});
