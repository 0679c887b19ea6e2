import { parseCalJobsDate } from '../rules/dates';
import { defineCheck } from './types';

export default defineCheck({
  id: 'date-invalid',
  severity: 'error',
  field: 'date',
  source: 'helpSheet',
  title: 'Date Credential Received is not a real date in mm/dd/yyyy form',
  run: ({ form }) => {
    if (!form.date.found) return null;
    const parsed = parseCalJobsDate(form.date.text);
    return parsed.kind === 'invalid'
      ? {
          message: 'This is not a valid date. Use mm/dd/yyyy, e.g. 08/08/2015.',
          detail:
            'CalJOBS dates are month/day/four-digit year. Check for a day that does not exist in that month (such as 02/30), a month above 12, or a two-digit year.',
        }
      : null;
  },
});
