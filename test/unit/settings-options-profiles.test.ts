// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { DOWNTOWN, EASTSIDE, sampleUserSettings } from './support/settings';
import { alerts, button, byLabel, click, container, description, fakeApi, hasButton, key, render, select, statusText, type, useDom } from './support/options-page';
import OptionsPage from '@/components/options/OptionsPage';
import { emptyChoices, mergeAgencyCodes, mergeFormChoices, type RememberedChoices } from '@/lib/settings/choices';
import { LIMITS, type UserSettings } from '@/lib/settings/schema';

/** Office profiles and the CalJOBS choice pickers on the options page. */

useDom();

const ONE: UserSettings = { ...sampleUserSettings(), profiles: [{ ...DOWNTOWN, region: '', office: '' }] };

/** What this browser saw on CalJOBS: two regions, the offices of each, two agency codes. */
function seen(): RememberedChoices {
  let choices = mergeFormChoices(emptyChoices(), { regions: ['Los Angeles County', 'City of Los Angeles'], region: 'City of Los Angeles', offices: ['City Hall Office'] }, '2026-11-30');
  choices = mergeFormChoices(choices, { regions: ['Los Angeles County', 'City of Los Angeles'], region: 'Los Angeles County', offices: ['Example WorkSource Center', "Sample America's Job Center"] }, '2026-12-03');
  return mergeAgencyCodes(choices, [{ code: 'LA0211', name: 'Example WorkSource Center' }, { code: 'LA0300', name: "Sample America's Job Center" }], '2026-12-03');
}

const options = () => [...container.querySelectorAll('[role="listbox"] [role="option"]')].map((el) => el.querySelector('.picker-text')?.textContent);

describe('the Region and Office pickers', () => {
  it('offer the regions seen on CalJOBS as you type, and a picked one says when it was last seen', async () => {
    const { api } = fakeApi(ONE, { choices: seen() });
    await render(OptionsPage, { api });
    const region = byLabel('LWIA/Region');
    await type(region, 'county');
    expect(region.getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual(['Los Angeles County']);
    await key(region, 'ArrowDown');
    expect(region.getAttribute('aria-activedescendant')).toBeTruthy();
    await key(region, 'Enter');
    expect(region.value).toBe('Los Angeles County');
    expect(description(region)).toContain('Last seen on CalJOBS on December 3, 2026.');
  });

  it('offers the offices of the chosen region first, then the others with where they were seen', async () => {
    const { api } = fakeApi(ONE, { choices: seen() });
    await render(OptionsPage, { api });
    await type(byLabel('LWIA/Region'), 'City of Los Angeles');
    const office = byLabel('Office Location');
    await type(office, 'o');
    expect(options()).toEqual(['City Hall Office', 'Example WorkSource Center', "Sample America's Job Center"]);
    const details = [...container.querySelectorAll('[role="option"] .picker-detail')].map((el) => el.textContent);
    expect(details[0]).toBe('Seen November 30, 2026');
    expect(details[1]).toBe('Seen with Los Angeles County, December 3, 2026');
    await click(container.querySelectorAll<HTMLElement>('[role="option"]')[1]!);
    expect(office.value).toBe('Example WorkSource Center');
    expect(description(office)).toMatch(/Last seen on CalJOBS on December 3, 2026, with Los Angeles County: not yet seen with City of Los Angeles/);
  });

  it('keeps what is typed after a pick, and a second pick of the same choice picks it again', async () => {
    const { api } = fakeApi(ONE, { choices: seen() });
    await render(OptionsPage, { api });
    const region = byLabel('LWIA/Region');
    for (const typed of ['Somewhere else', '']) {
      await type(region, 'county');
      await key(region, 'ArrowDown');
      await key(region, 'Enter');
      expect(region.value).toBe('Los Angeles County');
      await type(region, typed);
      expect(region.value).toBe(typed);
      expect(region.getAttribute('aria-expanded')).toBe(typed ? 'false' : 'true');
    }
  });

  it('leaving a picker keeps what was typed, though the pointer rests on the open list; a choice reached by the keys is picked', async () => {
    const { api, stored } = fakeApi(ONE, { choices: seen() });
    await render(OptionsPage, { api });
    const code = byLabel('Agency Code');
    const leave = async () => {
      await act(async () => {
        code.focus();
        code.blur(); // Tab, or a click that lands outside the list
      });
    };
    const option = (text: string) =>
      [...container.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]')].find((el) => el.querySelector('.picker-text')?.textContent === text)!;
    // Typed, the list open, the pointer over LA0300 (it is highlighted, not chosen), then leaving.
    await act(async () => code.focus());
    await type(code, 'LA0');
    await act(async () => {
      option('LA0300').dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    });
    expect(option('LA0300').getAttribute('aria-selected')).toBe('true');
    await leave();
    expect(code.value).toBe('LA0');
    await click(button('Save'));
    expect(stored().profiles[0]!.agencyCode.code).toBe('LA0');
    // Moved to with the keys, then leaving: the choice is picked, as the combobox pattern has it.
    await act(async () => code.focus());
    await type(code, 'LA0');
    await key(code, 'ArrowDown');
    await key(code, 'ArrowDown');
    await leave();
    expect(code.value).toBe('LA0300');
    // The keys, then the pointer: the pointer's highlight is not a choice.
    await act(async () => code.focus());
    await type(code, 'LA0');
    await key(code, 'ArrowDown');
    await act(async () => {
      option('LA0300').dispatchEvent(new MouseEvent('mousemove', { bubbles: true }));
    });
    await leave();
    expect(code.value).toBe('LA0');
  });

  it('allows text no form showed yet, with a clear note, and saves it', async () => {
    const { api } = fakeApi(ONE, { choices: seen() });
    await render(OptionsPage, { api });
    const office = byLabel('Office Location');
    await type(office, 'Brand New Center');
    expect(description(office)).toContain('Note: Office Location not seen on a CalJOBS form yet: defaults apply only if the text matches the list exactly.');
    expect(office.getAttribute('aria-invalid')).toBeNull();
    await click(button('Save'));
    expect(api.saveSettings.mock.calls[0]![0].profiles[0]!.office).toBe('Brand New Center');
    // Case and spacing aside, a remembered choice counts as seen.
    await type(office, ' example  worksource center');
    expect(description(office)).toContain('Last seen on CalJOBS');
  });

  it('says where the lists come from when none has been seen yet', async () => {
    const { api } = fakeApi(ONE);
    await render(OptionsPage, { api });
    expect(description(byLabel('LWIA/Region'))).toMatch(/No list seen yet: open a Create Credential form/);
    expect(container.querySelector('.remembered')?.textContent).toMatch(/None yet/);
  });

  it('fills the agency name with the code picked from the codes seen', async () => {
    const { api } = fakeApi(ONE, { choices: seen() });
    await render(OptionsPage, { api });
    const code = byLabel('Agency Code');
    await type(code, '');
    await type(code, 'LA03');
    expect(options()).toEqual(['LA0300']);
    await click(container.querySelector<HTMLElement>('[role="option"]')!);
    expect(code.value).toBe('LA0300');
    expect(byLabel('Agency name (optional)').value).toBe("Sample America's Job Center");
  });

  it('is a read-only field under policy, and forgets the lists on request', async () => {
    const { api } = fakeApi(ONE, { choices: seen(), policy: { office: 'Policy Office' } });
    await render(OptionsPage, { api });
    const office = byLabel('Office Location');
    expect(office.readOnly).toBe(true);
    expect(office.getAttribute('role')).toBeNull();
    expect(description(office)).toContain('Managed by your IT department');
    expect(container.querySelector('.remembered')?.textContent).toMatch(/2 regions, 3 offices and 2 agency codes/);
    await click(button('Forget these lists'));
    expect(api.forgetChoices).toHaveBeenCalled();
    expect(container.querySelector('.remembered')?.textContent).toMatch(/None yet/);
  });
});

describe('office profiles', () => {
  it('adds a profile, names it, fills its office, makes it the one in use, and saves both', async () => {
    const { api } = fakeApi({ ...sampleUserSettings(), profiles: [DOWNTOWN] });
    await render(OptionsPage, { api });
    await click(button('Add a profile'));
    const name = byLabel('Profile name');
    expect(name.value).toBe('Office 2');
    expect(document.activeElement).toBe(name);
    await type(name, 'Eastside');
    await type(byLabel('LWIA/Region'), 'City of Los Angeles');
    await type(byLabel('Office Location'), "Sample America's Job Center");
    await click(button('Use this profile'));
    expect(container.querySelector('.profile-in-use')?.textContent).toMatch(/Eastside is in use/);
    await click(button('Save'));
    const saved = api.saveSettings.mock.calls[0]![0];
    expect(saved.profiles.map((p) => p.name)).toEqual(['Downtown', 'Eastside']);
    expect(saved.activeProfileId).toBe(saved.profiles[1]!.id);
    expect(saved.profiles[1]).toMatchObject({ region: 'City of Los Angeles', office: "Sample America's Job Center" });
    expect(statusText()).toBe('Settings saved');
  });

  it('edits the chosen profile only, and deletes a profile (never the last)', async () => {
    const fake = fakeApi(sampleUserSettings());
    await render(OptionsPage, { api: fake.api });
    const chooser = byLabel('Profile to edit') as unknown as HTMLSelectElement;
    expect([...chooser.options].map((o) => o.textContent)).toEqual(['Downtown (in use)', 'Eastside']);
    await select(chooser, EASTSIDE.id);
    expect(byLabel('Office Location').value).toBe(EASTSIDE.office);
    await type(byLabel('Agency Code'), 'LA0301');
    await select(chooser, DOWNTOWN.id);
    expect(byLabel('Agency Code').value).toBe('LA0211');
    await click(button('Delete this profile'));
    expect(statusText()).toMatch(/“Downtown” is removed when you choose Save/);
    expect(hasButton('Delete this profile')).toBe(false);
    await click(button('Save'));
    expect(fake.stored().profiles).toEqual([{ ...EASTSIDE, agencyCode: { code: 'LA0301', name: EASTSIDE.agencyCode.name } }]);
    expect(fake.stored().activeProfileId).toBe(EASTSIDE.id);
  });

  it('shows the profile with a wrong field when saving, and focuses that field', async () => {
    const { api } = fakeApi(sampleUserSettings());
    await render(OptionsPage, { api });
    await select(byLabel('Profile to edit') as unknown as HTMLSelectElement, EASTSIDE.id);
    await type(byLabel('Profile name'), 'downtown');
    await select(byLabel('Profile to edit') as unknown as HTMLSelectElement, DOWNTOWN.id);
    await click(button('Save'));
    expect(api.saveSettings).not.toHaveBeenCalled();
    const name = byLabel('Profile name');
    expect(name.value).toBe('downtown');
    expect(document.activeElement).toBe(name);
    expect(description(name)).toMatch(/Another profile has this name/);
    expect(alerts().join(' ')).toMatch(/need fixing/);
  });

  it('stops adding at the limit', async () => {
    const many = Array.from({ length: LIMITS.profiles }, (_, i) => ({ ...DOWNTOWN, id: `p${i}`, name: `Office ${i}` }));
    const { api } = fakeApi({ ...sampleUserSettings(), profiles: many, activeProfileId: 'p0' });
    await render(OptionsPage, { api });
    await click(button('Add a profile'));
    expect((byLabel('Profile to edit') as unknown as HTMLSelectElement).options).toHaveLength(LIMITS.profiles);
    expect(container.textContent).toContain(`the most profiles there can be (${LIMITS.profiles})`);
  });

  it('follows a switch made in the side panel while the page is open', async () => {
    const fake = fakeApi(sampleUserSettings());
    await render(OptionsPage, { api: fake.api });
    await fake.change({ user: { ...sampleUserSettings(), activeProfileId: EASTSIDE.id } });
    expect(container.querySelector('.profile-in-use')?.textContent).toMatch(/Eastside is in use/);
    expect(byLabel('Office Location').value).toBe(EASTSIDE.office);
  });
});
