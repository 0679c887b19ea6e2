import { TRAINING_ACTIVITY_CODES } from '../rules/credential-types';
import { defineCheck } from './types';

export default defineCheck({
  id: 'activity-not-training',
  severity: 'warning',
  field: 'activity',
  source: 'wsd2405',
  title: 'The associated activity is not an education or training activity',
  run: ({ form }) => {
    const code = form.activity.code;
    if (!form.activity.chosen || !code || TRAINING_ACTIVITY_CODES.has(code)) return null;
    return {
      message: `Activity ${code} is not a training activity that leads to a credential.`,
      detail:
        'Credentials should be tied to the education or training activity that led to them (for example 300 or 320 codes). ' +
        'Pick the training activity instead, or check that the participant was enrolled in training; OJT and customized training do not count toward credential attainment.',
    };
  },
});
