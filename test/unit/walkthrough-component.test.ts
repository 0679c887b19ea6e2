// @vitest-environment happy-dom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Walkthrough, type WalkthroughProps } from '../../components/walkthrough/Walkthrough';
import { CHECKS, type Finding } from '../../lib/checks';
import { blankForm, type PageSnapshot } from '../../lib/page/snapshot';
import { STEP_IDS, WALKTHROUGH_STEPS } from '../../lib/walkthrough';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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
});

function finding(id: string): Finding {
  const check = CHECKS.find((c) => c.id === id);
  if (!check) throw new Error(`no check ${id}`);
  return { id, severity: check.severity, field: check.field, source: check.source, message: id, detail: id };
}

function render(props: Partial<WalkthroughProps> = {}) {
  const all: WalkthroughProps = {
    snapshot: null,
    findings: [],
    spots: [],
    onShowMe: vi.fn(),
    onOpenDecisionTree: vi.fn(),
    ...props,
  };
  act(() => root.render(createElement(Walkthrough, all)));
  return all;
}

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Text a screen reader gets: aria-hidden marks left out. */
function spoken(el: Element | null | undefined): string {
  if (!el) return '';
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
  return text(copy);
}
const stepEl = (id: string) => container.querySelector<HTMLLIElement>(`li[data-step="${id}"]`);
const showMe = (id: string) => stepEl(id)?.querySelector<HTMLButtonElement>('.wt-showme button') ?? null;
const states = () => STEP_IDS.map((id) => stepEl(id)?.dataset.stepState);

const casePage = (applicationExpanded: boolean, credentialsExpanded: boolean, credentialRows = 0): PageSnapshot => ({
  page: 'case-page',
  casePage: { applicationExpanded, credentialsExpanded, createLinkFound: credentialsExpanded, credentialRows },
});

describe('Walkthrough', () => {
  it('lists the five steps in an ordered list, with written states and one aria-current', () => {
    render({ snapshot: casePage(true, false), spots: ['application-toggle', 'credentials-toggle'] });
    const items = container.querySelectorAll('ol > li[data-step]');
    expect(items).toHaveLength(5);
    expect(states()).toEqual(['done', 'current', 'todo', 'todo', 'todo']);
    expect(spoken(stepEl('expand-application')?.querySelector('.wt-state'))).toBe('Done');
    expect(spoken(stepEl('open-credentials')?.querySelector('.wt-state'))).toBe('You are here');
    expect(spoken(stepEl('check-grid')?.querySelector('.wt-state'))).toBe('To do');
    const current = container.querySelectorAll('[aria-current="step"]');
    expect(current).toHaveLength(1);
    expect(current[0]?.getAttribute('data-step')).toBe('open-credentials');
    expect(text(container.querySelector('[role="status"]'))).toContain('Step 2 of 5');
  });

  it('shows each step body and tips', () => {
    render();
    for (const step of WALKTHROUGH_STEPS) {
      const el = stepEl(step.id);
      expect(text(el)).toContain(step.body);
      for (const tip of step.tips) expect(text(el)).toContain(tip.text);
    }
  });

  it('Show me is named after the step and sends the first available spot', () => {
    const props = render({ snapshot: casePage(true, true), spots: ['application-toggle', 'credentials-toggle', 'create-link'] });
    const button = showMe('open-credentials');
    expect(button?.getAttribute('aria-label')).toBe(`Show me: ${WALKTHROUGH_STEPS[1]?.title}`);
    expect(button?.disabled).toBe(false);
    act(() => button?.click());
    expect(props.onShowMe).toHaveBeenCalledWith('create-link');
  });

  it('Show me is disabled with a reason when the page lacks the spot', () => {
    render({ snapshot: { page: 'other' }, spots: [] });
    const button = showMe('expand-application');
    expect(button?.disabled).toBe(true);
    const reason = container.querySelector(`#${CSS.escape(button?.getAttribute('aria-describedby') ?? '')}`);
    expect(text(reason)).toBe("Open the participant's case page to use Show me.");
    expect(text(stepEl('general-information')?.querySelector('.wt-showme-reason'))).toContain('Create Credential form');
  });

  it('the decision-tree tip is a button that opens the Decision tree tab', () => {
    const props = render();
    const button = [...container.querySelectorAll('button')].find((b) => text(b) === 'Open the decision tree');
    expect(button).toBeDefined();
    act(() => button?.click());
    expect(props.onOpenDecisionTree).toHaveBeenCalledTimes(1);
  });

  it('on the form, names what is left to fix in the current step', () => {
    render({
      snapshot: { page: 'credential-form', form: blankForm() },
      findings: [finding('agency-code-missing'), finding('date-is-today')],
      spots: ['region', 'office', 'credential', 'agencyCode', 'save'],
    });
    expect(states()).toEqual(['done', 'done', 'done', 'current', 'todo']);
    const step4 = stepEl('credential-information');
    expect(text(step4?.querySelector('.wt-fix'))).toBe('Still to fix on the form: Agency Code.');
    expect(text(step4?.querySelector('[data-item="agencyCode"]'))).toContain('needs a fix');
    expect(text(step4?.querySelector('[data-item="date"]'))).not.toContain('needs a fix');
  });

  it('on a clean form, says only Save is left', () => {
    render({ snapshot: { page: 'credential-form', form: blankForm() }, spots: ['save'] });
    expect(text(stepEl('credential-information')?.querySelector('.wt-fix'))).toContain('Click Save');
  });

  it('with a credential row on the case page, all steps are done and none is current', () => {
    render({ snapshot: casePage(true, true, 1), spots: ['credentials-grid', 'create-link'] });
    expect(states()).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(container.querySelector('[aria-current]')).toBeNull();
    expect(text(container.querySelector('[role="status"]'))).toContain('All five steps are done');
    expect(text(container)).toContain('Adding another credential?');
  });
});

describe('Walkthrough accessibility (axe)', () => {
  it('has no violations on the case page and on the form', async () => {
    const axe = (await import('axe-core')).default;
    const options = { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } };
    for (const props of [
      { snapshot: casePage(true, false), spots: ['application-toggle', 'credentials-toggle'] },
      { snapshot: { page: 'credential-form', form: blankForm() } as PageSnapshot, findings: [finding('region-missing')], spots: ['region'] },
    ]) {
      render(props);
      const results = await axe.run(container, options);
      expect(results.passes.length).toBeGreaterThan(5); // axe really ran
      expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    }
  });
});
