import { defineCheck } from './types';

export default defineCheck({
  id: 'office-missing',
  severity: 'error',
  field: 'office',
  source: 'helpSheet',
  title: 'Office Location is not chosen',
  run: ({ form }) =>
    form.office.found && !form.office.chosen
      ? {
          message: 'Choose your Office Location.',
          detail:
            'Select your Office Location in General Information. It may only list offices after the LWIA/Region is chosen.',
        }
      : null,
});
