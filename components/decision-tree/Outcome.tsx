import { format } from 'date-fns';
import type { RefObject } from 'react';
import { OUTCOME_HEADINGS, type OutcomeResult, type PathStep } from '../../lib/decision-tree';
import { SourceLink } from './SourceLink';

export interface OutcomeProps {
  id: string;
  result: OutcomeResult;
  walked: PathStep[];
  /** The questions whose answers the catalogue suggested (and the user confirmed). */
  fromCatalogue: ReadonlySet<string>;
  today: Date;
  headingRef(el: HTMLHeadingElement | null): void;
  onCopy(): void;
  copyState: { status: string; fallback: boolean } | null;
  summary: string;
  fallbackRef: RefObject<HTMLTextAreaElement | null>;
}

/** The tree's outcome: counts / does not count / counts if…, why, warnings, the answers, the sources, Copy and Print. */
export function Outcome({ id, result, walked, fromCatalogue, today, headingRef, onCopy, copyState, summary, fallbackRef }: OutcomeProps) {
  return (
      <section className="dt-outcome" data-outcome={result.kind} aria-labelledby={id}>
        <h3
          id={id}
          className="dt-outcome-heading"
          tabIndex={-1}
          ref={headingRef}
        >
          {OUTCOME_HEADINGS[result.kind]}
        </h3>
        <p className="dt-reason">
          <strong>Why:</strong> {result.reason}
        </p>
        {result.condition && (
          <p className="dt-condition">
            <strong>Condition:</strong> {result.condition}
          </p>
        )}
        {result.warnings.length > 0 && (
          <>
            <h4 className="dt-subheading">Warnings</h4>
            <ul className="dt-warnings">
              {result.warnings.map((w) => (
                <li key={`${w.questionId}/${w.answerId}`} className="dt-warning">
                  {w.text} <SourceLink id={w.source} />
                </li>
              ))}
            </ul>
          </>
        )}
        <h4 className="dt-subheading">Your answers</h4>
        <ol className="dt-path">
          {walked.map(({ question, answer, fromPreAnswer }) => (
            <li key={question.id}>
              <span className="dt-path-question">{question.text}</span>{' '}
              <strong className="dt-path-answer">{answer.label}</strong>
              {fromPreAnswer && (
                <span className="dt-path-page">
                  {fromCatalogue.has(question.id) ? ' (suggested by the catalogue, confirmed)' : ' (from the page, confirmed)'}
                </span>
              )}
            </li>
          ))}
        </ol>
        <h4 className="dt-subheading">Sources</h4>
        <ul className="dt-sources">
          {result.sources.map((id) => (
            <li key={id}>
              <SourceLink id={id} />
            </li>
          ))}
        </ul>
        <p className="dt-date">Checked on {format(today, 'M/d/yyyy')}</p>
        <div className="dt-actions dt-no-print">
          <button type="button" className="dt-button dt-button-primary" onClick={onCopy}>
            Copy summary
          </button>
          <button type="button" className="dt-button" onClick={() => window.print()}>
            Print
          </button>
        </div>
        <p className="dt-status dt-no-print" role="status" aria-live="polite">
          {copyState?.status ?? ''}
        </p>
        {copyState?.fallback && (
          <textarea
            ref={fallbackRef}
            className="dt-fallback dt-no-print"
            readOnly
            rows={8}
            value={summary}
            aria-label="Summary for the case note"
          />
        )}
      </section>
  );
}
