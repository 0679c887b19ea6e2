import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOWNTOWN, EASTSIDE, sampleUserSettings } from './support/settings';
import { defaultSettings, officeFullyLocked, officeLocked, type Settings } from '@/lib/settings/defaults';
import { ManagedPolicy, applyPolicy, effectiveSettings, keepLockedUserValues, readPolicy } from '@/lib/settings/policy';

describe('reading the policy', () => {
  it('knows exactly the keys the schema given to Chrome and Edge (public/managed-schema.json) lists', () => {
    const schema = JSON.parse(readFileSync(join(__dirname, '..', '..', 'public', 'managed-schema.json'), 'utf8')) as { properties: Record<string, { type: string }> };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(ManagedPolicy.def.shape).sort());
    // A value of the type the schema declares is accepted; another type is not.
    const sample = { string: 'LA0211', boolean: true, array: ['date-is-today'] } as Record<string, unknown>;
    for (const [key, { type }] of Object.entries(schema.properties)) {
      expect(readPolicy({ [key]: sample[type] }).problems, key).toEqual([]);
      expect(readPolicy({ [key]: 42 }).problems, key).toHaveLength(1);
    }
  });

  it('keeps valid policy keys and reports invalid ones', () => {
    const { policy, problems } = readPolicy({
      region: 'Los Angeles County',
      agencyCode: 'LA 0211',
      autoFill: 1,
      disabledChecks: ['date-is-today'],
      somethingElse: true,
    });
    expect(policy).toEqual({ region: 'Los Angeles County', disabledChecks: ['date-is-today'] });
    expect(problems).toEqual([
      'The policy value "agencyCode" set by IT is not valid and is ignored.',
      'The policy value "autoFill" set by IT is not valid and is ignored.',
    ]);
  });

  it('treats a missing or junk policy as none', () => {
    expect(readPolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(readPolicy('x')).toEqual({ policy: {}, problems: [] });
  });
});

describe('applying the policy', () => {
  it('overrides and locks what the policy sets, and only that', () => {
    const user: Settings = { ...defaultSettings(), region: 'Mine', office: 'My office', agencyCode: { code: 'LA0001', name: 'Mine' }, checks: { 'office-missing': false } };
    const { settings, locked } = applyPolicy(user, { region: 'Los Angeles County', agencyCode: 'LA0211', requireAgencyCode: false, disabledChecks: ['date-is-today'] });
    expect(settings).toEqual({
      ...user,
      region: 'Los Angeles County',
      agencyCode: { code: 'LA0211', name: '' },
      requireAgencyCode: false,
      checks: { 'date-is-today': false },
    });
    expect([...locked].sort()).toEqual(['agencyCode', 'checks', 'region', 'requireAgencyCode']);
    expect(user.region).toBe('Mine');
  });

  it('applies a policy office to EVERY profile, and the flat settings are the active profile’s', () => {
    const user = { ...sampleUserSettings(), activeProfileId: EASTSIDE.id };
    const effective = effectiveSettings(user, { office: 'Policy Office', agencyName: 'County Agency' });
    expect(effective.locked).toEqual(['office', 'agencyCode']);
    expect(effective.profiles.map((p) => p.office)).toEqual(['Policy Office', 'Policy Office']);
    expect(effective.profiles.map((p) => p.agencyCode)).toEqual([{ code: '', name: 'County Agency' }, { code: '', name: 'County Agency' }]);
    // Unlocked fields still follow the profile in use.
    expect(effective.profiles.map((p) => p.region)).toEqual([DOWNTOWN.region, EASTSIDE.region]);
    expect(effective.settings).toMatchObject({ region: EASTSIDE.region, office: 'Policy Office', agencyCode: { code: '', name: 'County Agency' } });
    expect(effective.activeProfileId).toBe(EASTSIDE.id);
    // The user's own values are untouched underneath.
    expect(user.profiles[0]!.office).toBe(DOWNTOWN.office);
  });

  it('says whether the office fields are locked in part or in full', () => {
    expect(officeLocked([])).toBe(false);
    expect(officeLocked(['autoFill', 'checks'])).toBe(false);
    expect(officeLocked(['office'])).toBe(true);
    expect(officeFullyLocked(['office', 'region'])).toBe(false);
    expect(officeFullyLocked(['office', 'region', 'agencyCode'])).toBe(true);
  });

  it('keeps the user’s own values under locked fields when saving; a new profile gets empty ones', () => {
    const stored = sampleUserSettings();
    const fromPage = structuredClone(stored);
    for (const profile of fromPage.profiles) profile.region = 'Policy Region';
    fromPage.profiles[0]!.name = 'Renamed';
    fromPage.profiles.push({ id: 'p-new', name: 'New', region: 'Policy Region', office: 'Mine', agencyCode: { code: 'X1', name: '' } });
    fromPage.autoFill = true;
    fromPage.checks = {};
    const kept = keepLockedUserValues(fromPage, stored, ['region', 'checks']);
    expect(kept.profiles.map((p) => p.region)).toEqual([DOWNTOWN.region, EASTSIDE.region, '']);
    expect(kept.profiles[0]!.name).toBe('Renamed');
    expect(kept.profiles[2]!.office).toBe('Mine');
    expect(kept.autoFill).toBe(true);
    expect(kept.checks).toEqual(stored.checks);
  });
});
