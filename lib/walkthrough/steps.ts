import { WalkthroughSchema, type StepId, type Step } from './schema';

/**
 * Help Sheet 14 ("How to Enter Credentials in CalJOBS"), step by step, in our own words.
 * Parsed with WalkthroughSchema when the module loads: a bad edit fails at build/test time.
 */
export const WALKTHROUGH_DATA: unknown = [
  {
    id: 'expand-application',
    title: 'Open the WIOA application',
    body: "On the participant's case page, click the plus sign (+) to the left of the WIOA application to open it.",
    tips: [
      {
        text: 'You can record a credential earned while the person is in the program, or up to one year after they exit.',
      },
      { text: 'If the case has more than one application, open the WIOA one.' },
    ],
    spots: ['application-toggle'],
    source: 'helpSheet',
  },
  {
    id: 'open-credentials',
    title: 'Open Credentials, then Create Credential',
    body: 'Further down the application, click the plus sign (+) beside Credentials. When the section opens, click the Create Credential link.',
    tips: [
      {
        text: 'Not sure this credential should be recorded at all? Walk through the decision tree first.',
        action: 'decision-tree',
        actionLabel: 'Open the decision tree',
        source: 'decisionTool',
      },
      { text: '"There are no records to display" just means no credential has been entered yet.' },
    ],
    spots: ['create-link', 'credentials-toggle'],
    source: 'helpSheet',
  },
  {
    id: 'general-information',
    title: 'General Information: Region and Office',
    body: 'Most of this block is already filled in from the WIOA application. Choose or confirm the LWIA/Region and your Office Location.',
    tips: [
      {
        text: 'The block also shows the last day a credential can be recorded after exit. A later credential date will not be accepted.',
      },
    ],
    spots: ['region', 'office'],
    source: 'helpSheet',
  },
  {
    id: 'credential-information',
    title: 'Credential Information, then Save',
    body: 'Fill in the credential itself, link it to the training and add your Agency Code. Click Save when everything is in.',
    items: [
      { label: 'Credential Received', text: 'Pick the type of credential from the list.', spot: 'credential' },
      {
        label: 'Other Credential',
        text: 'Only for an "Other" type: type the credential\'s name as printed on it.',
        spot: 'otherCredential',
      },
      {
        label: 'Verify',
        text: 'Choose the proof you have, then scan or upload it.',
        spot: 'verification',
      },
      { label: 'Date Credential Received', text: 'The date the credential was awarded (mm/dd/yyyy).', spot: 'date' },
      {
        label: 'Search Activities/Services',
        text: 'Pick the training activity in the case that led to this credential.',
        spot: 'activity',
      },
      { label: 'Agency Code', text: 'Use the Agency Code Search link to add your agency.', spot: 'agencyCode' },
      { label: 'Save', text: 'Saves the record and takes you back to the case.', spot: 'save' },
    ],
    tips: [
      {
        text: 'Los Angeles County requires an Agency Code on every credential, even though CalJOBS will save without one.',
      },
      {
        text: 'Use the date shown on the credential, not the day you enter it. Avoid the Today link unless it was really awarded today.',
        source: 'tegl2319',
      },
      { text: 'Attach the training activity, so the credential is credited to the training that led to it.' },
      {
        text: 'Upload the verification document (a copy of the credential or school record) so the record can be validated later.',
        source: 'tegl2319',
      },
    ],
    spots: ['credential', 'verification', 'date', 'activity', 'agencyCode', 'save'],
    source: 'helpSheet',
  },
  {
    id: 'check-grid',
    title: 'Check the new row in Credentials',
    body: "After saving, the case page's Credentials section should list the new credential as a row.",
    tips: [
      { text: 'No new row? The save did not go through: go back to the form and look for messages.' },
      { text: 'Check that the credential and date in the row match the document.' },
    ],
    spots: ['credentials-grid'],
    source: 'helpSheet',
  },
];

export const WALKTHROUGH_STEPS: readonly Step[] = WalkthroughSchema.parse(WALKTHROUGH_DATA);

export function getStep(id: StepId): Step {
  const step = WALKTHROUGH_STEPS.find((s) => s.id === id);
  if (!step) throw new Error(`Unknown walkthrough step ${id}`);
  return step;
}
