/** Where each rule comes from. Shown next to every message, in the panel and in the decision tree. */
export const SOURCES = {
  helpSheet: {
    name: 'LA County CalJOBS Help Sheet 14, "How to Enter Credentials in CalJOBS"',
    short: 'Help Sheet 14',
    url: null,
  },
  tegl1016: {
    name: 'TEGL 10-16, Change 3: Performance accountability guidance for WIOA core programs',
    short: 'TEGL 10-16, Change 3',
    url: 'https://www.dol.gov/agencies/eta/advisories/tegl-10-16-change-3',
  },
  ten2519: {
    name: 'TEN 25-19: Understanding postsecondary credentials in the public workforce system',
    short: 'TEN 25-19',
    url: 'https://www.dol.gov/agencies/eta/advisories/training-and-employment-notice-25-19',
  },
  wioa352: {
    name: 'WIOA section 3(52): recognized postsecondary credential',
    short: 'WIOA sec. 3(52)',
    url: 'https://www.law.cornell.edu/uscode/text/29/3102',
  },
  cfr680210: {
    name: '20 CFR 680.210(b): training tied to in-demand occupations',
    short: '20 CFR 680.210',
    url: 'https://www.ecfr.gov/current/title-20/chapter-V/part-680/subpart-B/section-680.210',
  },
  tegl2319: {
    name: 'TEGL 23-19, Change 3 / TEGL 7-18: WIOA data element validation (source documentation)',
    short: 'TEGL 23-19, Change 3',
    url: 'https://www.dol.gov/agencies/eta/advisories',
  },
  wsd2405: {
    name: 'EDD Directive WSD24-05: CalJOBS activity codes',
    short: 'WSD24-05',
    url: 'https://edd.ca.gov/en/jobs_and_training/Active_Directives/',
  },
  decisionTool: {
    name: 'DOL Postsecondary Credential Attainment Decision Tree Tool',
    short: 'DOL decision tree tool',
    url: 'https://wioacredentialtool.safalapps.com/',
  },
} as const;

export type SourceId = keyof typeof SOURCES;
export const SOURCE_IDS = Object.keys(SOURCES) as SourceId[];
