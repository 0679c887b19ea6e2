import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CHOICE_BOUNDS,
  cleanList,
  emptyChoices,
  findChoice,
  mergeAgencyCodes,
  mergeFormChoices,
  officeItems,
  regionItems,
  type RememberedChoices,
} from '@/lib/settings/choices';
import { RememberedChoicesSchema } from '@/lib/settings/choices-schema';

const MON = '2026-11-30';
const TUE = '2026-12-01';
const WED = '2026-12-02';

const LA_COUNTY = 'Los Angeles County';
const LA_CITY = 'City of Los Angeles';

function seenForm(regions: string[], region: string | null, offices: string[], today: string, stored = emptyChoices()): RememberedChoices {
  return mergeFormChoices(stored, { regions, region, offices }, today);
}

describe('remembering a form’s lists', () => {
  it('keeps the region list and the office list that came with the chosen region, with the day seen', () => {
    const choices = seenForm([LA_COUNTY, LA_CITY], LA_COUNTY, ['Example WorkSource Center', "Sample America's Job Center"], MON);
    expect(choices).toEqual({
      regions: { seen: MON, texts: [LA_COUNTY, LA_CITY] },
      offices: [{ region: LA_COUNTY, seen: MON, texts: ['Example WorkSource Center', "Sample America's Job Center"] }],
      agencyCodes: [],
    });
    expect(RememberedChoicesSchema.safeParse(choices).success).toBe(true);
  });

  it('keeps one list per region; a list seen again replaces that region’s list (renamed and removed offices go)', () => {
    let choices = seenForm([LA_COUNTY, LA_CITY], LA_COUNTY, ['Old Name Center', 'Closed Center', 'Example WorkSource Center'], MON);
    choices = seenForm([LA_COUNTY, LA_CITY], LA_CITY, ['City Hall Office'], TUE, choices);
    choices = seenForm([LA_COUNTY, LA_CITY], LA_COUNTY, ['New Name Center', 'Example WorkSource Center'], WED, choices);
    expect(choices.offices).toEqual([
      { region: LA_COUNTY, seen: WED, texts: ['New Name Center', 'Example WorkSource Center'] },
      { region: LA_CITY, seen: TUE, texts: ['City Hall Office'] },
    ]);
    expect(choices.regions).toEqual({ seen: WED, texts: [LA_COUNTY, LA_CITY] });
  });

  it('matches a region seen again whatever its case and spacing', () => {
    let choices = seenForm([LA_COUNTY], LA_COUNTY, ['A'], MON);
    choices = seenForm([LA_COUNTY], '  los angeles\u00a0 county ', ['B'], TUE, choices);
    expect(choices.offices).toEqual([{ region: 'los angeles county', seen: TUE, texts: ['B'] }]);
  });

  it('replaces the region list as a whole when it is seen again (a renamed region goes)', () => {
    let choices = seenForm([LA_COUNTY, 'Old Region'], null, [], MON);
    choices = seenForm([LA_COUNTY, 'New Region'], null, [], TUE, choices);
    expect(choices.regions).toEqual({ seen: TUE, texts: [LA_COUNTY, 'New Region'] });
  });

  it('changes nothing for empty lists (the office list of a region postback may not be there yet)', () => {
    const before = seenForm([LA_COUNTY], LA_COUNTY, ['A'], MON);
    expect(seenForm([], LA_COUNTY, [], TUE, before)).toEqual(before);
    expect(seenForm(['  ', ''], LA_CITY, ['\u00a0'], TUE, before)).toEqual(before);
  });

  it('keeps offices seen with no region chosen apart, under region ""', () => {
    const choices = seenForm([LA_COUNTY], null, ['A', 'B'], MON);
    expect(choices.offices).toEqual([{ region: '', seen: MON, texts: ['A', 'B'] }]);
  });

  it('cleans the texts: spaces collapsed, blanks and repeats dropped, each text once (case aside)', () => {
    expect(cleanList(['  Example\u00a0 WorkSource  Center ', 'example worksource center', '', 'B', 'B'], 10)).toEqual(['Example WorkSource Center', 'B']);
  });

  it('is bounded: regions, offices per region, region lists, text length', () => {
    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);
    let choices = seenForm(many(CHOICE_BOUNDS.regions + 50, 'Region'), 'Region 0', [...many(CHOICE_BOUNDS.officesPerRegion + 50, 'Office'), 'x'.repeat(CHOICE_BOUNDS.text + 1)], MON);
    expect(choices.regions!.texts).toHaveLength(CHOICE_BOUNDS.regions);
    expect(choices.offices[0]!.texts).toHaveLength(CHOICE_BOUNDS.officesPerRegion);
    choices = seenForm([LA_COUNTY], 'x'.repeat(CHOICE_BOUNDS.text + 1), ['Unattributable'], MON, choices);
    expect(choices.offices.some((list) => list.texts.includes('Unattributable'))).toBe(false);
    choices = seenForm([LA_COUNTY], LA_COUNTY, ['Short', 'y'.repeat(CHOICE_BOUNDS.text + 1)], MON, choices);
    expect(choices.offices[0]!.texts).toEqual(['Short']);
    for (let i = 0; i < CHOICE_BOUNDS.officeLists + 10; i += 1) {
      choices = seenForm([LA_COUNTY], `Region ${i}`, ['Office'], i < 5 ? MON : TUE, choices);
    }
    expect(choices.offices).toHaveLength(CHOICE_BOUNDS.officeLists);
    // The least recently seen lists were forgotten first.
    expect(choices.offices.filter((list) => list.seen === MON)).toEqual([]);
    expect(RememberedChoicesSchema.safeParse(choices).success).toBe(true);
  });

  it('always stays within its bounds and valid, whatever forms report', () => {
    const text = fc.string({ maxLength: 140 });
    const report = fc.record({ regions: fc.array(text, { maxLength: 150 }), region: fc.option(text, { nil: null }), offices: fc.array(text, { maxLength: 250 }) });
    fc.assert(
      fc.property(fc.array(fc.tuple(report, fc.constantFrom(MON, TUE, WED)), { maxLength: 80 }), (reports) => {
        let choices = emptyChoices();
        for (const [seen, day] of reports) choices = mergeFormChoices(choices, seen, day);
        expect(RememberedChoicesSchema.safeParse(choices).success).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('remembering agency codes', () => {
  it('adds codes, updates a code seen again (keeping its name if none is given now), newest first', () => {
    let choices = mergeAgencyCodes(emptyChoices(), [{ code: 'LA0211', name: 'Example WorkSource Center' }, { code: 'LA0300', name: "Sample America's Job Center" }], MON);
    choices = mergeAgencyCodes(choices, [{ code: 'la0300', name: '' }, { code: 'LA0400', name: 'Another  Center' }], TUE);
    expect(choices.agencyCodes).toEqual([
      { code: 'la0300', name: "Sample America's Job Center", seen: TUE },
      { code: 'LA0400', name: 'Another Center', seen: TUE },
      { code: 'LA0211', name: 'Example WorkSource Center', seen: MON },
    ]);
  });

  it('skips codes that are not letters, digits and dashes, or too long, and changes nothing for none', () => {
    const before = mergeAgencyCodes(emptyChoices(), [{ code: 'LA0211', name: 'A' }], MON);
    const after = mergeAgencyCodes(before, [{ code: 'LA 0211', name: 'x' }, { code: '', name: 'y' }, { code: 'A'.repeat(CHOICE_BOUNDS.code + 1), name: 'z' }, { code: 'Jane Doe', name: '' }], TUE);
    expect(after).toBe(before);
  });

  it('is bounded, forgetting the least recently seen codes first', () => {
    let choices = mergeAgencyCodes(emptyChoices(), [{ code: 'OLD1', name: '' }], MON);
    const batch = Array.from({ length: CHOICE_BOUNDS.agencyCodes }, (_, i) => ({ code: `C${i}`, name: `Agency ${i}` }));
    choices = mergeAgencyCodes(choices, batch, TUE);
    expect(choices.agencyCodes).toHaveLength(CHOICE_BOUNDS.agencyCodes);
    expect(choices.agencyCodes.some((c) => c.code === 'OLD1')).toBe(false);
  });
});

describe('what the pickers offer', () => {
  let choices = seenForm([LA_COUNTY, LA_CITY], LA_CITY, ['City Hall Office', 'Shared Center'], MON);
  choices = seenForm([LA_COUNTY, LA_CITY], LA_COUNTY, ['Example WorkSource Center', 'Shared Center'], TUE, choices);

  it('offers the regions with the day seen', () => {
    expect(regionItems(choices)).toEqual([
      { text: LA_COUNTY, seen: TUE },
      { text: LA_CITY, seen: TUE },
    ]);
    expect(regionItems(emptyChoices())).toEqual([]);
  });

  it('offers the offices of the chosen region first, then the others, each once', () => {
    expect(officeItems(choices, 'city of los angeles').map((item) => [item.text, item.inRegion])).toEqual([
      ['City Hall Office', true],
      ['Shared Center', true],
      ['Example WorkSource Center', false],
    ]);
    expect(officeItems(choices, LA_COUNTY).map((item) => item.text)).toEqual(['Example WorkSource Center', 'Shared Center', 'City Hall Office']);
    expect(officeItems(choices, '').every((item) => item.inRegion === false)).toBe(true);
  });

  it('finds the choice a typed text stands for, case and spacing aside', () => {
    expect(findChoice(regionItems(choices), ' los angeles   COUNTY')?.text).toBe(LA_COUNTY);
    expect(findChoice(regionItems(choices), 'Los Angeles')).toBeUndefined();
    expect(findChoice(regionItems(choices), '')).toBeUndefined();
  });
});
