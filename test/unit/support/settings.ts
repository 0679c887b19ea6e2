import fc from 'fast-check';
import type { Settings } from '@/lib/settings/schema';

/** An office's settings, as a supervisor would set them: the example the settings tests share. */
export const SAMPLE_SETTINGS: Readonly<Settings> = Object.freeze({
  region: 'Los Angeles County',
  office: 'Example WorkSource Center',
  agencyCode: { code: 'LA0211', name: 'Example Agency' },
  requireAgencyCode: true,
  autoFill: false,
  checks: { 'date-is-today': false },
});

export const sampleSettings = (): Settings => structuredClone(SAMPLE_SETTINGS) as Settings;

/** Valid Settings values (check ids never "__proto__": a real id is a lowercase slug). */
export const validSettingsArb: fc.Arbitrary<Settings> = fc.record({
  region: fc.string({ maxLength: 120, unit: 'grapheme' }).filter((s) => s.length <= 120),
  office: fc.string({ maxLength: 120, unit: 'grapheme' }).filter((s) => s.length <= 120),
  agencyCode: fc.record({
    code: fc.stringMatching(/^[A-Za-z0-9-]{0,20}$/),
    name: fc.string({ maxLength: 120 }),
  }),
  requireAgencyCode: fc.boolean(),
  autoFill: fc.boolean(),
  checks: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,39}$/), fc.boolean(), { noNullPrototype: true }),
});
