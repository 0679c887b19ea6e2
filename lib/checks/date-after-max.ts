import { formatCalJobsDate, isLaterDay, lastDayOnForm, parseCalJobsDate } from '../rules/dates';
import { defineCheck } from './types';

export default defineCheck({
  id: 'date-after-max',
  severity: 'error',
  field: 'date',
  source: 'tegl1016',
  title: 'Date Credential Received is after the one-year window that follows exit',
  run: ({ form }) => {
    const parsed = parseCalJobsDate(form.date.text);
    if (!form.date.found || parsed.kind !== 'valid') return null;
    const last = lastDayOnForm(form);
    if (!last || !isLaterDay(parsed.date, last)) return null;
    return {
      message: `This date is after ${formatCalJobsDate(last)}, the last day a credential can count.`,
      detail:
        'A credential counts only if it is attained during participation or within one year after exit. ' +
        `This one is dated after the "Maximum date to record after exit" (${formatCalJobsDate(last)}). ` +
        'Check the date on the credential; if it is right, the credential does not count for this application.',
    };
  },
});
