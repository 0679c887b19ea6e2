import { isSameCalendarDay, parseCalJobsDate } from '../rules/dates';
import { defineCheck } from './types';

export default defineCheck({
  id: 'date-is-today',
  severity: 'info',
  field: 'date',
  source: 'tegl2319',
  title: "Date Credential Received is today's date",
  run: ({ form, today }) => {
    const parsed = parseCalJobsDate(form.date.text);
    return form.date.found && parsed.kind === 'valid' && isSameCalendarDay(parsed.date, today)
      ? {
          message: 'Is this the date on the credential?',
          detail:
            'Record the date the participant attained the credential, as printed on it, not the day the paperwork reached you. Keep today only if the credential was really awarded today.',
        }
      : null;
  },
});
