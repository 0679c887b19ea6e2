// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionTree } from '../../components/decision-tree/DecisionTree';
import { DoesItCount, type DoesItCountProps } from '../../components/does-it-count/DoesItCount';
import { catalogueSuggestion } from '../../lib/decision-tree';
import { catalogueEntry } from '../../lib/rules/catalogue/catalogue';
import type { CatalogueEntry } from '../../lib/rules/catalogue/types';
import { formSearch } from '../../lib/rules/catalogue/form-search';
import { blankForm } from '../../lib/page/snapshot';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TODAY = new Date(2026, 10, 30);
let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.restoreAllMocks();
});

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const input = () => container.querySelector<HTMLInputElement>('input[role="combobox"]')!;
const listbox = () => container.querySelector<HTMLElement>('[role="listbox"]')!;
const options = () => [...container.querySelectorAll<HTMLElement>('[role="option"]')];
const status = () => text(container.querySelector('.sr-only[role="status"]'));
const other = (query: string) => ({ query, from: 'other-credential' as const });
const picked = () => container.querySelector<HTMLElement>('article.dic-result');

function button(name: string | RegExp): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) => (typeof name === 'string' ? text(b) === name : name.test(text(b))));
  if (!found) throw new Error(`No button ${String(name)}; have: ${[...container.querySelectorAll('button')].map(text).join(' | ')}`);
  return found;
}

function renderTab(props: Partial<DoesItCountProps> = {}) {
  const onWalkTree = props.onWalkTree ?? vi.fn();
  act(() => root.render(<DoesItCount today={TODAY} onWalkTree={onWalkTree} fromForm={props.fromForm} />));
  return onWalkTree;
}

function type(value: string) {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input(), value);
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function key(name: string) {
  act(() => {
    input().dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
  });
}

describe('<DoesItCount>', () => {
  it('is a labelled combobox that controls a listbox, with no list while empty', () => {
    renderTab();
    const box = input();
    expect(box.getAttribute('aria-autocomplete')).toBe('list');
    expect(box.getAttribute('aria-controls')).toBe(listbox().id);
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(text(container.querySelector(`label[for="${CSS.escape(box.id)}"]`))).toBe('Credential name');
    expect(listbox().hidden).toBe(true);
  });

  it('searches as the user types, each result with its verdict in words, its reason and its source', () => {
    renderTab();
    type('card osha 10');
    expect(input().getAttribute('aria-expanded')).toBe('true');
    const first = options()[0]!;
    expect(first.dataset.entry).toBe('osha-10');
    expect(text(first)).toContain('OSHA 10-hour card');
    expect(text(first)).toContain('Does not count: general safety training');
    expect(text(first)).toContain('Source: TEN 25-19');
    expect(status()).toMatch(/^\d+ results?\. First: OSHA 10-hour card, Does not count\.$/);
  });

  it('moves through the results with the arrow keys (wrapping), and Enter picks one', () => {
    renderTab();
    type('servsafe');
    const count = options().length;
    expect(count).toBeGreaterThan(1);
    key('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[0]!.id);
    expect(options()[0]!.getAttribute('aria-selected')).toBe('true');
    key('ArrowDown');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[1]!.id);
    key('ArrowUp');
    key('ArrowUp');
    expect(input().getAttribute('aria-activedescendant')).toBe(options()[count - 1]!.id);
    key('ArrowDown');
    const id = options()[0]!.dataset.entry!;
    key('Enter');
    expect(picked()?.dataset.entry).toBe(id);
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().hasAttribute('aria-activedescendant')).toBe(false);
    expect(status()).toMatch(/Details below\.$/);
  });

  it('shows the picked entry with why, condition, how firm it is and a source link', () => {
    renderTab();
    type('GED');
    key('Enter');
    const card = picked()!;
    expect(card.dataset.verdict).toBe('counts-if');
    expect(text(card)).toContain('Counts if…');
    expect(text(card)).toMatch(/Condition: Within one year after exit/);
    expect(text(card)).toContain('Named in federal guidance');
    const link = card.querySelector('a')!;
    expect(link.getAttribute('href')).toMatch(/^https:\/\/www\.dol\.gov\//);
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('picks with the mouse too, moving focus to the result', () => {
    renderTab();
    type('forklift');
    act(() => options()[0]!.click());
    expect(picked()?.dataset.entry).toBe('forklift');
    expect(document.activeElement).toBe(picked()!.querySelector('h3'));
    expect(text(picked())).toContain('Depends');
  });

  it('Escape closes the list, then clears the search', () => {
    renderTab();
    type('cpr');
    key('Escape');
    expect(input().getAttribute('aria-expanded')).toBe('false');
    expect(input().value).toBe('cpr');
    key('Escape');
    expect(input().value).toBe('');
    key('ArrowDown'); // nothing to move through: no error, no list
    expect(listbox().hidden).toBe(true);
  });

  it('Walk the decision tree hands over the picked entry', () => {
    const onWalkTree = renderTab();
    type('ServSafe Food Handler');
    key('Enter');
    act(() => button('Walk the decision tree').click());
    expect(onWalkTree).toHaveBeenCalledWith(catalogueEntry('servsafe-food-handler'));
  });

  it('says when nothing matches and still offers the decision tree', () => {
    const onWalkTree = renderTab();
    type('zzzqqq');
    expect(text(container.querySelector('.dic-none'))).toMatch(/No credential in the catalogue matches “zzzqqq”/);
    expect(status()).toBe('No credential in the catalogue matches.');
    act(() => button('Walk the decision tree').click());
    expect(onWalkTree).toHaveBeenCalledWith(null);
  });

  it('opens with what the form says, and follows it until the user types', () => {
    renderTab({ fromForm: other('osha 10 card') });
    expect(input().value).toBe('osha 10 card');
    expect(options()[0]!.dataset.entry).toBe('osha-10');
    expect(text(container.querySelector('.dic-hint'))).toContain('Filled in from the form’s Other Credential.');
    renderTab({ fromForm: other('CPR') });
    expect(input().value).toBe('CPR');
    type('first aid');
    renderTab({ fromForm: other('GED') });
    expect(input().value).toBe('first aid');
  });

  it('asks for the credential’s name when the form only names a generic type', () => {
    renderTab({ fromForm: { query: '', from: null, genericChoice: 'Occupational Skills License' } });
    expect(input().value).toBe('');
    expect(text(container.querySelector('.dic-generic'))).toMatch(/“Occupational Skills License”, a type rather than a credential/);
  });

  it('copies a plain-text case note from the catalogue only (no participant data)', async () => {
    const writeText = vi.fn<(t: string) => Promise<void>>().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    renderTab({ fromForm: other('OSHA 10 card for Maria Example, app 4471') });
    key('Enter');
    await act(async () => button('Copy for a case note').click());
    const note = writeText.mock.calls[0]![0];
    expect(note).toMatch(/^Does it count\? OSHA 10-hour card\nVerdict: Does not count \(general safety training\)\n/);
    expect(note).toContain('https://www.dol.gov/agencies/eta/advisories/training-and-employment-notice-25-19');
    expect(note).toContain('Checked on 11/30/2026');
    expect(note).not.toMatch(/Maria|4471/);
    expect(text(picked()!.querySelector('.dic-status'))).toBe('Copied for the case note.');
  });

  it('when copying is blocked, selects the note for Ctrl+C', async () => {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new Error('denied')) } });
    renderTab();
    type('cpr');
    key('Enter');
    await act(async () => button('Copy for a case note').click());
    const area = picked()!.querySelector('textarea')!;
    expect(area.value).toMatch(/^Does it count\? CPR certification/);
    expect(document.activeElement).toBe(area);
  });
});

describe('<DecisionTree> pre-answered from a catalogue entry', () => {
  const choose = (label: RegExp) => {
    const l = [...container.querySelectorAll('label')].find((x) => label.test(text(x)))!;
    act(() => container.querySelector<HTMLInputElement>(`#${CSS.escape(l.htmlFor)}`)!.click());
    act(() => button('Next').click());
  };
  const checked = () => {
    const radio = container.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    return radio ? text(container.querySelector(`label[for="${CSS.escape(radio.id)}"]`)) : null;
  };
  const renderTree = (entry: CatalogueEntry, focusOnStart = true) =>
    act(() => root.render(<DecisionTree today={TODAY} suggestion={catalogueSuggestion(entry)} focusOnStart={focusOnStart} />));

  it('suggests issuer, type and skills (the user confirms each) and says where they come from', () => {
    renderTree(catalogueEntry('servsafe-food-handler')!);
    const bar = container.querySelector('.dt-catalogue p')!;
    expect(text(bar)).toMatch(/^Pre-answered from “ServSafe Food Handler”/);
    expect(document.activeElement).toBe(bar);
    expect(checked()).toBeNull(); // the participant's questions are never pre-answered
    choose(/^Yes: e\.g\./);
    choose(/^During participation/);
    expect(checked()).toMatch(/^A professional, industry or employer organization/);
    expect(text(container.querySelector('.dt-prenote'))).toBe('Suggested from “ServSafe Food Handler” in Does it count? — change it if needed.');
    act(() => button('Next').click());
    expect(checked()).toMatch(/^Occupational certificate/);
    act(() => button('Next').click());
    expect(checked()).toMatch(/^Hygiene or food handling/);
    act(() => button('Next').click());
    const outcome = container.querySelector<HTMLElement>('[data-outcome]')!;
    expect(outcome.dataset.outcome).toBe('does-not-count');
    expect(text(outcome)).toContain('(suggested by the catalogue, confirmed)');
  });

  it('does not take focus when opened later from its tab', () => {
    renderTree(catalogueEntry('cna')!, false);
    expect(text(container.querySelector('.dt-catalogue p'))).toMatch(/^Pre-answered from “Certified Nurse Assistant \(CNA\)”/);
    expect(container.contains(document.activeElement)).toBe(false);
  });

  it('clears the suggestions on request', () => {
    renderTree(catalogueEntry('cna')!);
    choose(/^Yes: e\.g\./);
    choose(/^During participation/);
    expect(checked()).toMatch(/^A government agency that issues a license/);
    act(() => button('Clear these suggestions').click());
    expect(checked()).toBeNull();
    expect(container.querySelector('.dt-catalogue')).toBeNull();
    expect(document.activeElement).toBe(container.querySelector('legend'));
  });
});

describe('formSearch (what the tab searches first on an open form)', () => {
  const formWith = (otherText: string, choice: string | null) => {
    const f = blankForm();
    f.otherCredential = { found: true, text: otherText };
    f.credential = { found: true, chosen: choice !== null, text: choice ?? '-- Select One --' };
    return f;
  };

  it('prefers Other Credential, then a specific Credential Received, never a generic type', () => {
    expect(formSearch(null)).toEqual({ query: '', from: null });
    expect(formSearch(formWith('  OSHA 10 card ', 'Occupational Skills Certificate or Credential'))).toEqual({ query: 'OSHA 10 card', from: 'other-credential' });
    expect(formSearch(formWith('', 'High School Diploma'))).toEqual({ query: 'High School Diploma', from: 'credential-received' });
    expect(formSearch(formWith('', 'AA/AS Degree'))).toEqual({ query: 'AA/AS Degree', from: 'credential-received' });
    expect(formSearch(formWith('', 'Occupational Skills License'))).toEqual({ query: '', from: null, genericChoice: 'Occupational Skills License' });
    expect(formSearch(formWith('', null))).toEqual({ query: '', from: null });
  });
});
