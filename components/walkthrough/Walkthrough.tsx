import { useId } from 'react';
import type { Finding } from '../../lib/checks';
import { FIELD_LABELS, type PageSnapshot } from '../../lib/page/snapshot';
import { SOURCES, type SourceId } from '../../lib/rules/sources';
import {
  allDone,
  blockingFindings,
  currentStep,
  isCasePageSpot,
  showMeSpot,
  STEP_IDS,
  WALKTHROUGH_STEPS,
  walkthroughStates,
  type Step,
  type StepState,
} from '../../lib/walkthrough';
import './walkthrough.css';

export interface WalkthroughProps {
  /** What the attached CalJOBS page shows; null when no CalJOBS page is attached. */
  snapshot: PageSnapshot | null;
  findings: Finding[];
  /** The spots the page can highlight right now (PageState.spots). */
  spots: string[];
  /** Ask the page to scroll to and highlight a spot. */
  onShowMe(spot: string): void;
  /** Switch the panel to the Decision tree tab. */
  onOpenDecisionTree(): void;
}

const STATE_TEXT: Record<StepState, string> = { done: 'Done', current: 'You are here', todo: 'To do' };
/** Shape as well as colour: the words carry the meaning, the marks only echo them. */
const STATE_MARK: Record<StepState, string> = { done: '\u2713', current: '\u25B6', todo: '\u25CB' };

function SourceName({ id }: { id: SourceId }) {
  const source = SOURCES[id];
  if (!source.url) return <span title={source.name}>{source.short}</span>;
  return (
    <a href={source.url} target="_blank" rel="noreferrer" title={source.name}>
      {source.short}
      <span className="wt-visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}

/** Why Show me is off for a step, in words the user can act on. */
function showMeReason(step: Step, snapshot: PageSnapshot | null): string {
  const onCasePage = step.spots.every(isCasePageSpot);
  const page = snapshot?.page ?? 'other';
  if (onCasePage) {
    if (page !== 'case-page') return "Open the participant's case page to use Show me.";
    return step.id === 'check-grid'
      ? 'Open Credentials (step 2) to see the grid, then use Show me.'
      : 'Not visible on this page yet: open the section above it first.';
  }
  if (page !== 'credential-form') return 'Open the Create Credential form to use Show me.';
  return 'This part of the form was not found on the page.';
}

/** Short names of what still needs a fix, in form order, without repeats. */
function fixList(found: readonly Finding[]): string[] {
  const names = found.map((f) => (f.field ? FIELD_LABELS[f.field] : f.message));
  return [...new Set(names)];
}

/**
 * The five steps of Help Sheet 14 with where the user is, read from the attached page.
 *
 * Class names (walkthrough.css): `.wt` root, `.wt-progress` the one-line summary, `.wt-steps` the
 * list, `.wt-step` each step (state in `data-step-state`), `.wt-state` the state label, `.wt-tips`,
 * `.wt-items` (step 4's fields), `.wt-showme` the Show me row.
 */
export function Walkthrough({ snapshot, findings, spots, onShowMe, onOpenDecisionTree }: WalkthroughProps) {
  const uid = useId();
  const states = walkthroughStates(snapshot, findings);
  const current = currentStep(states);
  const finished = allDone(states);
  const onForm = snapshot?.page === 'credential-form';
  const currentIndex = current ? STEP_IDS.indexOf(current) : -1;
  const currentTitle = current ? WALKTHROUGH_STEPS[currentIndex]?.title : undefined;

  return (
    <section className="wt" aria-labelledby={`${uid}-title`}>
      <h2 className="wt-title" id={`${uid}-title`}>
        How to enter a credential
      </h2>
      <p className="wt-intro">
        The five steps of <SourceName id="helpSheet" />. Where you are comes from the CalJOBS page that is open.
      </p>
      <p className="wt-progress" role="status">
        {finished
          ? 'All five steps are done: the Credentials grid shows a record.'
          : `Step ${currentIndex + 1} of ${STEP_IDS.length}: ${currentTitle ?? ''}`}
      </p>

      <ol className="wt-steps">
        {WALKTHROUGH_STEPS.map((step, index) => {
          const state = states[step.id];
          const spot = showMeSpot(step, spots);
          const reasonId = `${uid}-${step.id}-reason`;
          const blocking = onForm ? blockingFindings(step.id, findings) : [];
          const toFix = fixList(blocking);
          const fixFields = new Set<string>(blocking.flatMap((f) => (f.field ? [f.field] : [])));
          return (
            <li
              key={step.id}
              className="wt-step"
              data-step={step.id}
              data-step-state={state}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <div className="wt-step-head">
                <h3 className="wt-step-title">
                  <span className="wt-step-number">Step {index + 1}. </span>
                  {step.title}
                </h3>
                <p className={`wt-state wt-state-${state}`}>
                  <span aria-hidden="true">{STATE_MARK[state]} </span>
                  {STATE_TEXT[state]}
                </p>
              </div>

              <p className="wt-body">{step.body}</p>

              {state === 'current' && toFix.length > 0 && (
                <p className="wt-fix">Still to fix on the form: {toFix.join(', ')}.</p>
              )}
              {state === 'current' && onForm && step.id === 'credential-information' && toFix.length === 0 && (
                <p className="wt-fix wt-fix-clear">Nothing is flagged. Click Save when you are ready.</p>
              )}

              {step.items && (
                <ul className="wt-items">
                  {step.items.map((item) => (
                    <li key={item.label} className="wt-item" data-item={item.spot}>
                      <strong>{item.label}</strong>: {item.text}
                      {fixFields.has(item.spot) && <span className="wt-item-flag"> (needs a fix)</span>}
                    </li>
                  ))}
                </ul>
              )}

              {step.tips.length > 0 && (
                <ul className="wt-tips" aria-label={`Tips for step ${index + 1}`}>
                  {step.tips.map((tip) => (
                    <li key={tip.text} className="wt-tip">
                      {tip.text}
                      {tip.source && tip.source !== step.source && tip.action === undefined && (
                        <span className="wt-tip-source">
                          {' '}
                          (<SourceName id={tip.source} />)
                        </span>
                      )}
                      {tip.action === 'decision-tree' && (
                        <>
                          {' '}
                          <button type="button" className="wt-button wt-tip-action" onClick={onOpenDecisionTree}>
                            {tip.actionLabel}
                          </button>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}

              <div className="wt-showme">
                <button
                  type="button"
                  className="wt-button"
                  aria-label={`Show me: ${step.title}`}
                  disabled={spot === null}
                  aria-describedby={spot === null ? reasonId : undefined}
                  onClick={() => {
                    if (spot !== null) onShowMe(spot);
                  }}
                >
                  Show me
                </button>
                {spot === null && (
                  <span className="wt-showme-reason" id={reasonId}>
                    {showMeReason(step, snapshot)}
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ol>

      {finished && (
        <p className="wt-again">Adding another credential? Click Create Credential again (step 2).</p>
      )}
    </section>
  );
}
