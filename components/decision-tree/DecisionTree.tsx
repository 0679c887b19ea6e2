import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  answer as answerQuestion,
  back,
  catalogueNote,
  credentialTypeAnswerFor,
  CREDENTIAL_TREE,
  current,
  outcome as outcomeOf,
  path as pathOf,
  preAnswersFromPage,
  PRE_ANSWER_NOTES,
  QUESTION_IDS,
  start,
  startOver,
  summaryText,
  withPreAnswers,
  type CatalogueSuggestion,
  type PageFacts,
  type TreeState,
} from '../../lib/decision-tree';
import { Outcome } from './Outcome';
import { SourceLink } from './SourceLink';
import './decision-tree.css';
import { useCopyText } from '../useCopyText';

export interface DecisionTreeProps {
  /** What the attached CalJOBS page says; used only as suggestions the user confirms. */
  pageFacts?: PageFacts;
  /**
   * Suggestions from a "Does it count?" entry (issuer, type, skills), fixed for this walk: the panel
   * starts a new walk (a new key) for each. Also only suggestions the user confirms.
   */
  suggestion?: CatalogueSuggestion | undefined;
  /** Move focus to the start of the walk when it mounts (the user just asked for it from another tab). */
  focusOnStart?: boolean;
  /** Injected, never read from the clock: dates the case-note summary. */
  today: Date;
}

const CREDENTIAL_TYPE = QUESTION_IDS.credentialType;

/**
 * The credential-attainment decision tree, one question at a time.
 *
 * Class names, for styling and print (decision-tree.css): `.dt` root, `.dt-page` page-facts bar,
 * `.dt-question` the current question, `.dt-outcome` the result, `.dt-nav` Back / Start over,
 * `.dt-no-print` anything hidden when printing. Printing shows the outcome only.
 */
export function DecisionTree({ pageFacts, suggestion, focusOnStart = false, today }: DecisionTreeProps) {
  const uid = useId();
  const timingPreAnswer = preAnswersFromPage({ timing: pageFacts?.timing })[QUESTION_IDS.timing];
  const credentialAnswer = credentialTypeAnswerFor(pageFacts?.credentialText);

  const [state, setState] = useState<TreeState>(() => start({ [QUESTION_IDS.timing]: timingPreAnswer, ...suggestion?.preAnswers }));
  /** Questions whose suggestion came from the catalogue entry (not the page). */
  const [fromCatalogue, setFromCatalogue] = useState<ReadonlySet<string>>(() => new Set(Object.keys(suggestion?.preAnswers ?? {})));
  const catalogueRef = useRef(fromCatalogue);
  catalogueRef.current = fromCatalogue;
  const suggestionBar = useRef<HTMLParagraphElement | null>(null);
  /** The radio chosen on one step; a step's key changes whenever the walk moves. */
  const [selection, setSelection] = useState<{ key: string; answerId: string } | null>(null);
  const [missingChoice, setMissingChoice] = useState<string | null>(null);
  const [credentialNote, setCredentialNote] = useState<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const focusTarget = useRef<HTMLElement | null>(null);

  // The page may change under the panel: keep the page suggestions in step with it (answers stay).
  useEffect(() => {
    setState((s) => withPreAnswers(s, { [QUESTION_IDS.timing]: timingPreAnswer }));
  }, [timingPreAnswer]);
  useEffect(() => {
    setState((s) => {
      if (catalogueRef.current.has(CREDENTIAL_TYPE)) return s; // the catalogue's, not the page's
      const used = s.preAnswers[CREDENTIAL_TYPE];
      return used !== undefined && used !== credentialAnswer ? withPreAnswers(s, { [CREDENTIAL_TYPE]: undefined }) : s;
    });
    setCredentialNote(null);
  }, [credentialAnswer]);

  // Focus follows the walk (never on first render: the panel must not steal focus when it opens),
  // except when the user came from "Walk the decision tree": then to the note that says so, or the question.
  useEffect(() => {
    if (focusTick > 0) focusTarget.current?.focus();
  }, [focusTick]);
  useEffect(() => {
    if (focusOnStart) (suggestionBar.current ?? focusTarget.current)?.focus();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- on mount only

  const step = current(state);
  const result = outcomeOf(state);
  const walked = pathOf(state);
  const stepKey = `${state.history.length}:${step?.question.id ?? 'end'}`;
  const selected = selection?.key === stepKey ? selection.answerId : (step?.suggestedAnswerId ?? null);
  const copy = useCopyText(stepKey);
  const summary = useMemo(
    () => summaryText(state, today, suggestion ? Object.fromEntries([...fromCatalogue].map((id) => [id, `suggested by the catalogue entry “${suggestion.name}”`])) : undefined),
    [state, today, suggestion, fromCatalogue],
  );

  const move = (next: TreeState) => {
    setState(next);
    setMissingChoice(null);
    setFocusTick((tick) => tick + 1);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!step) return;
    if (!selected) {
      setMissingChoice('Choose an answer first.');
      return;
    }
    move(answerQuestion(state, step.question.id, selected));
  };

  const useCredentialFromPage = () => {
    if (!credentialAnswer) return;
    setState((s) => withPreAnswers(s, { [CREDENTIAL_TYPE]: credentialAnswer }));
    setFromCatalogue((ids) => new Set([...ids].filter((id) => id !== CREDENTIAL_TYPE)));
    if (step?.question.id === CREDENTIAL_TYPE) setSelection({ key: stepKey, answerId: credentialAnswer });
    const label = CREDENTIAL_TREE.questions
      .find((q) => q.id === CREDENTIAL_TYPE)
      ?.answers.find((a) => a.id === credentialAnswer)?.label;
    setCredentialNote(
      step?.question.id === CREDENTIAL_TYPE
        ? `Selected below: ${label}. Press Next to confirm.`
        : `Credential type set to "${label}". You will confirm it when that question comes.`,
    );
  };

  const clearSuggestion = () => {
    const cleared = Object.fromEntries([...fromCatalogue].map((id) => [id, undefined]));
    setState((s) => withPreAnswers(s, cleared));
    setFromCatalogue(new Set());
    setSelection(null);
    setFocusTick((tick) => tick + 1);
  };

  const onCopy = () =>
    copy.copy(summary, { copied: 'Copied', blocked: 'Copying was blocked. The summary is selected below: press Ctrl+C (⌘C on a Mac) to copy it.' });

  const credentialTypeAnswered = walked.some((s) => s.question.id === CREDENTIAL_TYPE);
  const credentialSuggested = credentialAnswer !== null && state.preAnswers[CREDENTIAL_TYPE] === credentialAnswer;
  const pageCredential = pageFacts?.credentialText?.trim() ?? '';
  const selectedAnswer = step?.question.answers.find((a) => a.id === selected);
  const preNote = !step?.suggestedAnswerId
    ? undefined
    : suggestion && fromCatalogue.has(step.question.id)
      ? catalogueNote(suggestion.name)
      : PRE_ANSWER_NOTES[step.question.id];
  const titleId = `${uid}-title`;

  return (
    <section className="dt" aria-labelledby={titleId}>
      <header className="dt-header dt-no-print">
        <h2 id={titleId} className="dt-title">
          Does the credential count?
        </h2>
        <p className="dt-intro">
          Follows the <SourceLink id={CREDENTIAL_TREE.basedOn} />, with added questions on training, timing and the
          diploma follow-up.
        </p>
      </header>

      {suggestion && fromCatalogue.size > 0 && !result && (
        <div className="dt-page dt-catalogue dt-no-print">
          <p className="dt-note" tabIndex={-1} ref={suggestionBar}>
            Pre-answered from “{suggestion.name}” in Does it count?: its suggested answers are selected when their questions come.
            Confirm each with Next, or choose another.
          </p>
          <button type="button" className="dt-button dt-button-secondary" onClick={clearSuggestion}>
            Clear these suggestions
          </button>
        </div>
      )}

      {pageCredential !== '' && !credentialTypeAnswered && !result && (
        <div className="dt-page dt-no-print">
          {credentialAnswer === null ? (
            <p className="dt-note">
              The credential chosen on the page ({pageCredential}) does not name one type: choose the type yourself.
            </p>
          ) : credentialSuggested ? (
            <p className="dt-note">{credentialNote ?? 'Using the credential chosen on the page for the credential type.'}</p>
          ) : (
            <button type="button" className="dt-button dt-button-secondary" onClick={useCredentialFromPage}>
              Use the credential chosen on the page ({pageCredential})
            </button>
          )}
        </div>
      )}

      {step && (
        <form className="dt-question" onSubmit={onSubmit} noValidate>
          <p className="dt-step dt-no-print">Question {step.step}</p>
          <fieldset className="dt-fieldset" aria-describedby={preNote ? `${uid}-prenote` : undefined}>
            <legend
              className="dt-legend"
              tabIndex={-1}
              ref={(el) => {
                focusTarget.current = el;
              }}
            >
              {step.question.text}
            </legend>
            {preNote && (
              <p id={`${uid}-prenote`} className="dt-note dt-prenote">
                {preNote}
              </p>
            )}
            <div className="dt-answers">
              {step.question.answers.map((a) => {
                const inputId = `${uid}-${step.question.id}-${a.id}`;
                return (
                  <div className="dt-answer" key={a.id}>
                    <input
                      type="radio"
                      id={inputId}
                      name={`${uid}-${step.question.id}`}
                      value={a.id}
                      checked={selected === a.id}
                      onChange={() => {
                        setSelection({ key: stepKey, answerId: a.id });
                        setMissingChoice(null);
                      }}
                    />
                    <label htmlFor={inputId}>{a.label}</label>
                  </div>
                );
              })}
            </div>
          </fieldset>
          {selectedAnswer?.warning && (
            <p className="dt-warning" role="note">
              {selectedAnswer.warning}
            </p>
          )}
          {missingChoice && (
            <p className="dt-error" role="alert">
              {missingChoice}
            </p>
          )}
          <details className="dt-why">
            <summary>Why we ask</summary>
            <p>{step.question.whyWeAsk}</p>
            <p>
              Source: <SourceLink id={step.question.source} />
            </p>
          </details>
          <div className="dt-actions">
            <button type="submit" className="dt-button dt-button-primary">
              Next
            </button>
          </div>
        </form>
      )}

      {result && (
        <Outcome
          id={`${uid}-outcome`}
          result={result}
          walked={walked}
          fromCatalogue={fromCatalogue}
          today={today}
          headingRef={(el) => {
            focusTarget.current = el;
          }}
          onCopy={() => void onCopy()}
          copyState={copy.shown}
          summary={summary}
          fallbackRef={copy.fallbackRef}
        />
      )}

      <div className="dt-nav dt-no-print">
        <button type="button" className="dt-button" onClick={() => move(back(state))} disabled={state.history.length === 0}>
          Back
        </button>
        <button
          type="button"
          className="dt-button"
          onClick={() => {
            move(startOver(state));
            setCredentialNote(null);
          }}
          disabled={state.history.length === 0}
        >
          Start over
        </button>
      </div>
    </section>
  );
}

export default DecisionTree;
