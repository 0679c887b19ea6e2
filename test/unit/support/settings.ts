import fc from 'fast-check';
import type { OfficeProfile, Settings, UserSettings } from '@/lib/settings/schema';
import { LIMITS } from '@/lib/settings/defaults';

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

export const DOWNTOWN: Readonly<OfficeProfile> = Object.freeze({
  id: 'office-1',
  name: 'Downtown',
  region: 'Los Angeles County',
  office: 'Example WorkSource Center',
  agencyCode: { code: 'LA0211', name: 'Example Agency' },
});

export const EASTSIDE: Readonly<OfficeProfile> = Object.freeze({
  id: 'p-east',
  name: 'Eastside',
  region: 'City of Los Angeles',
  office: "Sample America's Job Center",
  agencyCode: { code: 'LA0300', name: "Sample America's Job Center" },
});

/** A supervisor's stored settings with two office profiles, Downtown in use. */
export const sampleUserSettings = (): UserSettings =>
  structuredClone({
    profiles: [DOWNTOWN, EASTSIDE],
    activeProfileId: DOWNTOWN.id,
    requireAgencyCode: true,
    autoFill: false,
    checks: { 'date-is-today': false },
  }) as UserSettings;

/** The same office as format 2 stored it (before profiles). */
export const sampleV2 = (): Settings => sampleSettings();

const profileArb = fc.record({
  id: fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
  name: fc.string({ minLength: 1, maxLength: LIMITS.profileName, unit: 'grapheme' }).filter((s) => s.trim() !== '' && s.length <= LIMITS.profileName),
  region: fc.string({ maxLength: 120, unit: 'grapheme' }).filter((s) => s.length <= 120),
  office: fc.string({ maxLength: 120, unit: 'grapheme' }).filter((s) => s.length <= 120),
  agencyCode: fc.record({
    code: fc.stringMatching(/^[A-Za-z0-9-]{0,20}$/),
    name: fc.string({ maxLength: 120 }),
  }),
});

const checksArb = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,39}$/), fc.boolean(), { noNullPrototype: true });

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
  checks: checksArb,
});

/** Valid stored (format 3) settings: 1 to 8 profiles, unique ids and names, one of them in use. */
export const validUserSettingsArb: fc.Arbitrary<UserSettings> = fc
  .uniqueArray(profileArb, {
    minLength: 1,
    maxLength: LIMITS.profiles,
    selector: (p) => p.id,
  })
  .filter((profiles) => new Set(profiles.map((p) => p.name.trim().toLowerCase())).size === profiles.length)
  .chain((profiles) =>
    fc.record({
      profiles: fc.constant(profiles),
      activeProfileId: fc.constantFrom(...profiles.map((p) => p.id)),
      requireAgencyCode: fc.boolean(),
      autoFill: fc.boolean(),
      checks: checksArb,
    }),
  );
