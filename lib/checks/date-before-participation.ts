import { formatCalJobsDate, isEarlierDay, knownDate, parseCalJobsDate } from '../rules/dates';
import { defineCheck } from './types';

export default defineCheck({
  id: 'date-before-participation',
  severity: 'error',
  field: 'date',
  source: 'tegl1016',
  title: 'Date Credential Received is before the Program Participation Date',
  run: ({ form }) => {
    const parsed = parseCalJobsDate(form.date.text);
    const start = knownDate(form.participationDate.text);
    if (!form.date.found || parsed.kind !== 'valid' || !start || !isEarlierDay(parsed.date, start)) return null;
    return {
      message: `This date is before participation began (${formatCalJobsDate(start)}).`,
      detail:
        'Only credentials attained during participation or within a year after exit count. A credential earned before the Program Participation Date was not a result of this program: check the date, and do not record credentials the participant already had.',
    };
  },
});
