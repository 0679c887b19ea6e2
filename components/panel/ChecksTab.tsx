import { SEVERITY_WORD, describeCounts } from '@/lib/checks';
import type { PageState } from '@/lib/messaging/schemas';
import { FIELD_LABELS } from '@/lib/page/snapshot';
import { SOURCES } from '@/lib/rules/sources';

export interface ChecksTabProps {
  state: PageState | null;
  settled: boolean;
  onShowMe(spot: string): void;
  onOpenWalkthrough(): void;
}

/** The attached page's current checks, live. */
export function ChecksTab({ state, settled, onShowMe, onOpenWalkthrough }: ChecksTabProps) {
  if (!state) {
    return (
      <div className="panel-empty" data-panel-page="none">
        <p>{settled ? 'There is no Create Credential form in this tab, so there is nothing to check.' : 'Looking at the page…'}</p>
        <p>
          Open the participant's Create Credential page in CalJOBS, or follow the{' '}
          <button type="button" className="link" onClick={onOpenWalkthrough}>
            walkthrough
          </button>{' '}
          to get there.
        </p>
      </div>
    );
  }
  if (state.snapshot.page !== 'credential-form') {
    return (
      <div className="panel-empty" data-panel-page={state.snapshot.page}>
        <p>This page is not a Create Credential form, so there is nothing to check here.</p>
        <p>
          New to entering credentials? The{' '}
          <button type="button" className="link" onClick={onOpenWalkthrough}>
            walkthrough
          </button>{' '}
          shows each step of the help sheet on the page.
        </p>
      </div>
    );
  }
  const findings = state.findings;
  if (findings.length === 0) {
    return (
      <div className="panel-ready" data-panel-page="credential-form">
        <p role="status">Nothing to fix: this credential is ready to save.</p>
      </div>
    );
  }
  return (
    <div data-panel-page="credential-form">
      <p className="panel-count" role="status">
        {describeCounts(findings)} on this credential.
      </p>
      <ul className="check-list">
        {findings.map((finding) => {
          const source = SOURCES[finding.source];
          const field = finding.field;
          return (
            <li key={finding.id} className="check-item" data-check={finding.id} data-severity={finding.severity}>
              <p className="check-message">
                <span className={`sev sev-${finding.severity}`}>{SEVERITY_WORD[finding.severity]}:</span> {finding.message}
              </p>
              <details>
                <summary>Why?</summary>
                <p>{finding.detail}</p>
              </details>
              <p className="check-meta">
                {finding.field ? <span className="check-field">{FIELD_LABELS[finding.field]}</span> : null}
                {source ? (
                  source.url ? (
                    <a href={source.url} target="_blank" rel="noreferrer">
                      {source.short}
                      <span className="sr-only"> (opens in a new tab)</span>
                    </a>
                  ) : (
                    <span>{source.short}</span>
                  )
                ) : null}
              </p>
              {field && state.spots.includes(field) ? (
                <button
                  type="button"
                  className="show-me"
                  onClick={() => onShowMe(field)}
                  aria-label={`Show me: ${FIELD_LABELS[field]}`}
                >
                  Show me
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
