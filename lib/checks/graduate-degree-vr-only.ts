import { classifyCredential, isVocationalRehabilitation } from '../rules/credential-types';
import { defineCheck } from './types';

export default defineCheck({
  id: 'graduate-degree-vr-only',
  severity: 'warning',
  field: 'credential',
  source: 'tegl1016',
  title: 'A graduate degree is recorded on a program other than Vocational Rehabilitation',
  run: ({ form }) =>
    form.credential.chosen &&
    classifyCredential(form.credential.text) === 'graduate' &&
    !isVocationalRehabilitation(form.program.text)
      ? {
          message: 'Graduate degrees count only for Vocational Rehabilitation.',
          detail:
            'A graduate degree counts toward credential attainment only in the Title IV Vocational Rehabilitation program. For WIOA Adult, Dislocated Worker and Youth it does not count.',
        }
      : null,
});
