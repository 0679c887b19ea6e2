import { classifyCredential } from '../rules/credential-types';
import { defineCheck } from './types';

export default defineCheck({
  id: 'diploma-needs-followup',
  severity: 'info',
  field: 'credential',
  source: 'tegl1016',
  title: 'A secondary diploma counts only with employment or enrollment after exit',
  run: ({ form }) =>
    form.credential.chosen && classifyCredential(form.credential.text) === 'secondary'
      ? {
          message: 'Counts only if the participant is employed or in training within a year after exit.',
          detail:
            'A high-school diploma or its recognized equivalent counts only if the participant is also employed, or enrolled in education or training toward a postsecondary credential, within one year after exit. Plan the follow-up.',
        }
      : null,
});
