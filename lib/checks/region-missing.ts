import { defineCheck } from './types';

export default defineCheck({
  id: 'region-missing',
  severity: 'error',
  field: 'region',
  source: 'helpSheet',
  title: 'LWIA/Region is not chosen',
  run: ({ form }) =>
    form.region.found && !form.region.chosen
      ? {
          message: 'Choose your LWIA/Region.',
          detail: 'Select or confirm the LWIA/Region in General Information. CalJOBS requires it.',
        }
      : null,
});
