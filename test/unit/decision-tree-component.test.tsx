// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DecisionTree } from '../../components/decision-tree/DecisionTree';
import type { PageFacts } from '../../lib/decision-tree';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const TODAY = new Date(2025, 2, 14);
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

function render(pageFacts?: PageFacts) {
  act(() => root.render(<DecisionTree today={TODAY} pageFacts={pageFacts} />));
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

function button(name: string | RegExp): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((b) =>
    typeof name === 'string' ? text(b) === name : name.test(text(b)),
  );
  if (!found) throw new Error(`No button ${String(name)}; have: ${[...container.querySelectorAll('button')].map(text).join(' | ')}`);
  return found;
}

function radio(label: string | RegExp): HTMLInputElement {
  for (const l of container.querySelectorAll('label')) {
    if (typeof label === 'string' ? text(l) === label : label.test(text(l))) {
      return container.querySelector<HTMLInputElement>(`#${CSS.escape(l.htmlFor)}`)!;
    }
  }
  throw new Error(`No radio ${String(label)}; have: ${[...container.querySelectorAll('label')].map(text).join(' | ')}`);
}

const legend = () => container.querySelector('legend');
const outcomeRegion = () => container.querySelector<HTMLElement>('[data-outcome]');

function click(el: HTMLElement) {
  act(() => el.click());
}

function choose(label: string | RegExp) {
  click(radio(label));
  click(button('Next'));
}

async function flush() {
  await act(async () => {
    await Promise.resolve();
  });
}

describe('<DecisionTree>', () => {
  it('shows one question in a fieldset with a legend, radios named by their answer, and a Why we ask with its source', () => {
    render();
    expect(container.querySelectorAll('fieldset')).toHaveLength(1);
    expect(text(legend())).toMatch(/^Was the participant in an education or training program/);
    expect(radio(/^No: only on-the-job training/).type).toBe('radio');
    const why = container.querySelector('details')!;
    expect(text(why.querySelector('summary'))).toBe('Why we ask');
    const link = why.querySelector('a')!;
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noreferrer');
    expect(link.getAttribute('href')).toMatch(/^https:\/\//);
    expect(button('Back').disabled).toBe(true);
  });

  it('does not steal focus on first render, then moves focus to each new question', () => {
    render();
    expect(document.activeElement).not.toBe(legend());
    choose(/^Yes: e\.g\. occupational skills training/);
    expect(text(legend())).toBe('When did the participant attain the credential?');
    expect(document.activeElement).toBe(legend());
    expect(legend()!.tabIndex).toBe(-1);
  });

  it('asks for a choice when Next is pressed with none', () => {
    render();
    click(button('Next'));
    expect(text(container.querySelector('[role="alert"]'))).toBe('Choose an answer first.');
    expect(text(legend())).toMatch(/^Was the participant/);
  });

  it('walks to "does not count" for an OJT-only participant, with focus on the outcome heading', () => {
    render();
    choose(/^No: only on-the-job training/);
    const region = outcomeRegion()!;
    expect(region.dataset.outcome).toBe('does-not-count');
    expect(text(region.querySelector('h3'))).toBe('Does not count toward credential attainment');
    expect(text(region)).toMatch(/OJT or customized training are left out/);
    expect(document.activeElement).toBe(region.querySelector('h3'));
  });

  it('walks a GED to counts-if with its condition', () => {
    render();
    choose(/^Yes: e\.g\./);
    choose('During participation, or within one year after exit');
    choose(/^A state agency/);
    choose(/^High-school diploma/);
    choose(/^Not known yet/);
    const region = outcomeRegion()!;
    expect(region.dataset.outcome).toBe('counts-if');
    expect(text(region.querySelector('.dt-condition'))).toMatch(/^Condition: The participant is employed/);
  });

  it('shows the warnings with a "counts" outcome', () => {
    render();
    choose(/^Yes: e\.g\./);
    choose('During participation, or within one year after exit');
    click(radio('Another kind of organization'));
    expect(text(container.querySelector('.dt-question .dt-warning'))).toMatch(/Confirm that this organization/);
    click(button('Next'));
    expect(text(legend())).toBe('What does the credential show the participant can do?');
    choose(/^Technical or occupational skills/);
    choose('No');
    const region = outcomeRegion()!;
    expect(region.dataset.outcome).toBe('counts');
    expect(region.querySelectorAll('.dt-warnings li')).toHaveLength(2);
    expect(text(region)).toMatch(/680\.210\(b\)/);
  });

  it('Back returns to the previous question; Start over returns to the first', () => {
    render();
    choose(/^Yes: e\.g\./);
    choose('During participation, or within one year after exit');
    expect(text(legend())).toBe('Which kind of organization awards the credential?');
    click(button('Back'));
    expect(text(legend())).toBe('When did the participant attain the credential?');
    expect(document.activeElement).toBe(legend());
    choose('More than one year after exit');
    expect(outcomeRegion()!.dataset.outcome).toBe('does-not-count');
    click(button('Back'));
    expect(outcomeRegion()).toBeNull();
    click(button('Start over'));
    expect(text(legend())).toMatch(/^Was the participant/);
    expect(button('Back').disabled).toBe(true);
  });

  it('pre-selects timing from the page, with a note, and lets the user change it', () => {
    render({ timing: 'after-window' });
    choose(/^Yes: e\.g\./);
    expect(radio('More than one year after exit').checked).toBe(true);
    expect(text(container.querySelector('.dt-prenote'))).toBe("Pre-filled from the page's dates — change it if needed.");
    choose('During participation, or within one year after exit');
    expect(text(legend())).toBe('Which kind of organization awards the credential?');
  });

  it('offers the credential chosen on the page for the credential-type question', () => {
    render({ credentialText: 'AA/AS Degree', timing: 'within-window' });
    click(button('Use the credential chosen on the page (AA/AS Degree)'));
    expect(() => button(/^Use the credential/)).toThrow();
    choose(/^Yes: e\.g\./);
    click(button('Next')); // confirms the timing from the page
    choose(/^A college, university/);
    expect(text(legend())).toBe('What type of credential is it?');
    expect(radio('Associate degree (AA/AS)').checked).toBe(true);
    expect(text(container.querySelector('.dt-prenote'))).toMatch(/credential chosen on the page/);
    click(button('Next'));
    choose('Yes');
    const region = outcomeRegion()!;
    expect(region.dataset.outcome).toBe('counts');
    expect(text(region.querySelector('.dt-path'))).toMatch(/\(from the page, confirmed\)/);
  });

  it('says when the page credential has no single type', () => {
    render({ credentialText: 'Other Recognized Diploma, Degree, or Certificate (specify)' });
    expect(text(container.querySelector('.dt-page'))).toMatch(/choose the type yourself/);
  });

  it('copies the summary and announces it, without the page credential text', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render({ credentialText: 'Occupational Skills License' });
    choose(/^No: the participant was not in any/);
    click(button('Copy summary'));
    await flush();
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = writeText.mock.calls[0]![0] as string;
    expect(copied).toMatch(/Outcome: Does not count/);
    expect(copied).toContain('Checked on 3/14/2025');
    expect(copied).not.toContain('Occupational Skills License');
    const status = container.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).toBe('polite');
    expect(text(status)).toBe('Copied');
  });

  it('falls back to a selected textarea when the clipboard refuses', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('denied'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render();
    choose(/^No: only on-the-job/);
    click(button('Copy summary'));
    await flush();
    const area = container.querySelector('textarea')!;
    expect(area.value).toMatch(/Outcome: Does not count/);
    expect(document.activeElement).toBe(area);
    expect(text(container.querySelector('[role="status"]'))).toMatch(/Copying was blocked/);
  });

  it('prints with window.print()', () => {
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true }); // happy-dom has none
    render();
    choose(/^No: only on-the-job/);
    click(button('Print'));
    expect(print).toHaveBeenCalledTimes(1);
    expect(outcomeRegion()!.classList.contains('dt-outcome')).toBe(true);
    expect(container.querySelector('.dt-nav')!.classList.contains('dt-no-print')).toBe(true);
  });
});

describe('<DecisionTree> accessibility (axe)', () => {
  async function violations() {
    const axe = (await import('axe-core')).default;
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(results.passes.length).toBeGreaterThan(5); // axe really ran
    return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(', ')}`);
  }

  it('has no violations on a question or on the outcome', async () => {
    render({ credentialText: 'AA/AS Degree', timing: 'within-window' });
    choose(/^Yes: e\.g\./);
    expect(await violations()).toEqual([]);
    choose('More than one year after exit');
    expect(await violations()).toEqual([]);
  });
});
