import { defineCheck } from './types';

export default defineCheck({
  id: 'activity-missing',
  severity: 'warning',
  field: 'activity',
  source: 'helpSheet',
  title: 'No Training/Activity record is associated',
  run: ({ form }) =>
    form.activity.found && !form.activity.chosen
      ? {
          message: 'Link the training activity with Search Activities/Services.',
          detail:
            'Credential attainment is measured for participants in education or training. Attach this credential to the training activity in the case file that led to it, so the credential is credited to that training.',
        }
      : null,
});
