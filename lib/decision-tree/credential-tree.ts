import { parseTree } from './graph';
import type { Outcome } from './schema';

/**
 * The credential-attainment decision tree, as data.
 *
 * It follows the DOL "Postsecondary Credential Attainment Decision Tree Tool" (issuer → credential
 * type → graduate degree only for VR → skills attested → in-demand occupation) and closes its gaps:
 *
 * - `program` (added): the indicator's denominator. Participants whose only training was OJT or
 *   customized training, or who were in no education or training program, are not counted.
 * - `timing` (added): the credential must be attained during participation or within one year after
 *   exit. Pre-answered from the page's dates when they are known; always changeable.
 * - `diploma-followup` (added): a secondary diploma or equivalent counts only with employment or
 *   enrollment in education/training toward a postsecondary credential within one year after exit.
 * - `issuer` gets a "workforce development board / AJCC" answer, because board-issued certificates
 *   never count (TEN 25-19); the DOL tool would send them to "Other".
 * - Associate and bachelor's degrees (and a graduate degree in VR) skip the skills question: WIOA
 *   sec. 3(52) names these degrees as recognized credentials outright, so asking which skills they
 *   attest could only mislead.
 *
 * Everything else is as in the DOL tool, including "Other" issuer → warning, then straight to the
 * skills question, and "No" to in-demand → still counts, with a warning.
 *
 * All texts are our own wording. Question ids are stable: page pre-answers and tests rely on them.
 */

export const QUESTION_IDS = {
  program: 'program',
  timing: 'timing',
  issuer: 'issuer',
  credentialType: 'credential-type',
  vr: 'vr',
  diplomaFollowup: 'diploma-followup',
  skills: 'skills',
  inDemand: 'in-demand',
} as const;
export type QuestionId = (typeof QUESTION_IDS)[keyof typeof QUESTION_IDS];

const COUNTS: Outcome = {
  kind: 'counts',
  reason:
    'It is a recognized postsecondary credential, attained in the counting window by a participant in an education or training program.',
  source: 'tegl1016',
};

const notCounted = (reason: string, source: Outcome['source']): Outcome => ({ kind: 'does-not-count', reason, source });

const RAW_TREE = {
  title: 'Does this credential count toward WIOA credential attainment?',
  basedOn: 'decisionTool',
  start: 'program',
  questions: [
    {
      id: 'program',
      text: 'Was the participant in an education or training program other than on-the-job training (OJT) or customized training?',
      whyWeAsk:
        'The credential attainment indicator only counts participants who were in an education or training program. OJT and customized training alone leave the participant out. The DOL tool does not ask this; we added it.',
      source: 'tegl1016',
      answers: [
        {
          id: 'education-or-training',
          label:
            'Yes: e.g. occupational skills training, a college or adult-school program, a Registered Apprenticeship, or a high-school equivalency program',
          next: 'timing',
        },
        {
          id: 'ojt-or-customized-only',
          label: 'No: only on-the-job training (OJT) or customized training',
          next: notCounted(
            'Participants whose only training was OJT or customized training are left out of the credential attainment indicator, so this credential is not counted in it.',
            'tegl1016',
          ),
        },
        {
          id: 'no-training',
          label: 'No: the participant was not in any education or training program',
          next: notCounted(
            'Only participants in an education or training program are counted in the credential attainment indicator, so this credential is not counted in it.',
            'tegl1016',
          ),
        },
      ],
    },
    {
      id: 'timing',
      text: 'When did the participant attain the credential?',
      whyWeAsk:
        'A credential counts only if it is attained during participation or within one year after exit. Go by the date printed on the credential. The DOL tool does not ask this; we added it.',
      source: 'tegl1016',
      answers: [
        {
          id: 'within-window',
          label: 'During participation, or within one year after exit',
          next: 'issuer',
        },
        {
          id: 'not-yet',
          label: 'Not yet: the participant is still working toward it',
          warning:
            'It will count only if it is attained during participation or within one year after exit. Record the date printed on the credential once it is attained.',
          next: 'issuer',
        },
        {
          id: 'after-window',
          label: 'More than one year after exit',
          next: notCounted(
            'It was attained after the one-year window that follows exit, so it is not counted for this period of participation.',
            'tegl1016',
          ),
        },
        {
          id: 'before-participation',
          label: 'Before participation began',
          next: notCounted(
            'It was attained before this period of participation began, so it is not counted for it: only credentials attained during participation or within one year after exit count.',
            'tegl1016',
          ),
        },
      ],
    },
    {
      id: 'issuer',
      text: 'Which kind of organization awards the credential?',
      whyWeAsk:
        'Only some kinds of organizations can award a recognized postsecondary credential. This is the first question of the DOL decision tree tool.',
      source: 'ten2519',
      answers: [
        {
          id: 'state-agency',
          label: 'A state agency, such as a state education or career technical education agency',
          next: 'credential-type',
        },
        {
          id: 'higher-education',
          label:
            'A college, university or other school eligible for federal student aid (community colleges and private career schools included)',
          next: 'credential-type',
        },
        {
          id: 'tribal',
          label: 'A Native American tribal organization or tribally controlled college',
          next: 'credential-type',
        },
        {
          id: 'industry',
          label:
            'A professional, industry or employer organization, or a product maker (e.g. ASE, NIMS, Microsoft) that tests the skills',
          next: 'credential-type',
        },
        {
          id: 'apprenticeship',
          label: "DOL's Office of Apprenticeship or a State Apprenticeship Agency",
          next: 'credential-type',
        },
        {
          id: 'licensing-agency',
          label: 'A government agency that issues a license needed to work in the occupation (e.g. a state board, the DMV, the FAA)',
          next: 'credential-type',
        },
        {
          id: 'va-approved',
          label: 'A program approved by the Department of Veterans Affairs',
          next: 'credential-type',
        },
        {
          id: 'job-corps',
          label: 'Job Corps',
          next: 'credential-type',
        },
        {
          id: 'workforce-board',
          label: "A workforce development board or America's Job Center of California (AJCC)",
          next: notCounted(
            'Certificates awarded by workforce development boards are not recognized postsecondary credentials.',
            'ten2519',
          ),
        },
        {
          id: 'other',
          label: 'Another kind of organization',
          warning:
            'Confirm that this organization awards recognized postsecondary credentials before recording it. As in the DOL tool, the credential-type question was skipped.',
          next: 'skills',
        },
      ],
    },
    {
      id: 'credential-type',
      text: 'What type of credential is it?',
      whyWeAsk:
        'WIOA names the types that count: industry-recognized certificates and certifications, apprenticeship completion certificates, licenses recognized by a state or the federal government, and associate or bachelor’s degrees.',
      source: 'wioa352',
      answers: [
        {
          id: 'secondary',
          label: 'High-school diploma or a recognized equivalent (e.g. GED, HiSET)',
          next: 'diploma-followup',
        },
        { id: 'associate', label: 'Associate degree (AA/AS)', next: 'in-demand' },
        { id: 'bachelor', label: 'Bachelor’s degree (BA/BS)', next: 'in-demand' },
        {
          id: 'license',
          label: 'Occupational license, issued by a state or federal agency',
          next: 'skills',
        },
        {
          id: 'certificate',
          label: 'Occupational certificate, including a Registered Apprenticeship or career technical education certificate',
          next: 'skills',
        },
        {
          id: 'certification',
          label: 'Occupational certification, awarded after an industry assessment',
          next: 'skills',
        },
        {
          id: 'other-occupational',
          label: 'Another completion of industry or occupational skills training',
          next: 'skills',
        },
        { id: 'graduate', label: 'Graduate degree (master’s or doctorate)', next: 'vr' },
        {
          id: 'other',
          label: 'None of these',
          next: notCounted('It is not one of the credential types that WIOA recognizes.', 'wioa352'),
        },
      ],
    },
    {
      id: 'vr',
      text: 'Is the participant served by Vocational Rehabilitation (WIOA Title IV)?',
      whyWeAsk:
        'A graduate degree counts only in the Vocational Rehabilitation program, never for WIOA Adult, Dislocated Worker or Youth.',
      source: 'tegl1016',
      answers: [
        { id: 'yes', label: 'Yes, Vocational Rehabilitation', next: 'in-demand' },
        {
          id: 'no',
          label: 'No, another program (e.g. WIOA Adult, Dislocated Worker or Youth)',
          next: notCounted(
            'A graduate degree counts only in the Vocational Rehabilitation program; for WIOA Adult, Dislocated Worker and Youth it is not counted.',
            'tegl1016',
          ),
        },
      ],
    },
    {
      id: 'diploma-followup',
      text: 'Within one year after exit, was the participant employed, or enrolled in education or training toward a recognized postsecondary credential?',
      whyWeAsk:
        'A high-school diploma or equivalent counts only with a job, or further education or training toward a postsecondary credential, within a year after exit. The DOL tool lets diplomas through without this; we added it.',
      source: 'tegl1016',
      answers: [
        {
          id: 'yes',
          label: 'Yes, employed or enrolled',
          next: {
            kind: 'counts',
            reason:
              'A secondary school diploma or recognized equivalent counts when the participant is employed, or enrolled in education or training toward a postsecondary credential, within one year after exit.',
            source: 'tegl1016',
          },
        },
        {
          id: 'no',
          label: 'No, neither within one year after exit',
          next: notCounted(
            'A secondary school diploma or equivalent without employment or enrollment within one year after exit is not counted.',
            'tegl1016',
          ),
        },
        {
          id: 'not-yet-known',
          label: 'Not known yet (the year after exit has not passed, or there is no follow-up yet)',
          next: {
            kind: 'counts-if',
            reason: 'A secondary school diploma or recognized equivalent counts only with a follow-up condition.',
            condition:
              'The participant is employed, or enrolled in education or training leading to a recognized postsecondary credential, within one year after exit.',
            source: 'tegl1016',
          },
        },
      ],
    },
    {
      id: 'skills',
      text: 'What does the credential show the participant can do?',
      whyWeAsk:
        'A recognized credential must attest measurable technical or occupational skills needed to get a job or advance in an industry. General skills do not qualify, even when employers require them.',
      source: 'ten2519',
      answers: [
        {
          id: 'occupational',
          label: 'Technical or occupational skills for an industry or occupation, measured (e.g. by an exam)',
          next: 'in-demand',
        },
        {
          id: 'general-safety',
          label: 'General safety (e.g. OSHA-10, CPR, first aid)',
          next: notCounted(
            'Certificates of general safety skills, such as OSHA-10 or CPR, are not recognized credentials, even when an employer requires them.',
            'ten2519',
          ),
        },
        {
          id: 'work-readiness',
          label: 'Work readiness (e.g. National Career Readiness Certificate, soft skills)',
          next: notCounted('Work readiness certificates are not recognized postsecondary credentials.', 'ten2519'),
        },
        {
          id: 'hygiene',
          label: 'Hygiene or food handling (e.g. ServSafe Food Handler)',
          next: notCounted(
            'Certificates of general hygiene or food-handling skills are not recognized credentials, even when an employer requires them.',
            'ten2519',
          ),
        },
        {
          id: 'general-computer',
          label: 'General computer skills (e.g. Word, Excel, Outlook)',
          next: notCounted('Certificates of general computer skills are not recognized postsecondary credentials.', 'ten2519'),
        },
        {
          id: 'attendance-only',
          label: 'Attendance only: no measurable skill was assessed',
          next: notCounted('A certificate of attendance that documents no measurable skill is not a recognized credential.', 'ten2519'),
        },
        {
          id: 'other-general',
          label: 'Other general skills',
          next: notCounted(
            'Only credentials attesting technical or occupational skills count; general skills certificates do not.',
            'ten2519',
          ),
        },
      ],
    },
    {
      id: 'in-demand',
      text: 'Is the training tied to an in-demand industry or occupation in the local area?',
      whyWeAsk:
        'This does not decide whether the credential counts, but WIOA Title I training funds may pay only for training tied to in-demand industries or occupations.',
      source: 'cfr680210',
      answers: [
        { id: 'yes', label: 'Yes', next: COUNTS },
        {
          id: 'no',
          label: 'No',
          warning:
            'Title I funds may pay only for training tied to an in-demand industry or occupation in the local area (20 CFR 680.210(b)). Check how this training was approved.',
          next: COUNTS,
        },
        {
          id: 'not-sure',
          label: 'Not sure',
          warning:
            'Check the local board’s list of in-demand occupations: Title I funds may pay only for training tied to them (20 CFR 680.210(b)).',
          next: COUNTS,
        },
      ],
    },
  ],
};

/** The tree the side panel uses, validated (schema and graph) when this module loads. */
export const CREDENTIAL_TREE = parseTree(RAW_TREE);
