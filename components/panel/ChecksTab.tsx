import type { Finding } from '@/lib/checks';
import type { PageState } from '@/lib/messaging/schemas';
import { FIELD_LABELS, type FieldKey } from '@/lib/page/snapshot';
import { SOURCES, type SourceId } from '@/lib/rules/sources';

const WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

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
  const findings = state.findings as Finding[];
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
        {countText(findings)}
      </p>
      <ul className="check-list">
        {findings.map((finding) => {
          const source = SOURCES[finding.source as SourceId];
          return (
            <li key={finding.id} className="check-item" data-check={finding.id} data-severity={finding.severity}>
              <p className="check-message">
                <span className={`sev sev-${finding.severity}`}>{WORD[finding.severity]}:</span> {finding.message}
              </p>
              <details>
                <summary>Why?</summary>
                <p>{finding.detail}</p>
              </details>
              <p className="check-meta">
                {finding.field ? <span className="check-field">{FIELD_LABELS[finding.field as FieldKey]}</span> : null}
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
              {finding.field && state.spots.includes(finding.field) ? (
                <button
                  type="button"
                  className="show-me"
                  onClick={() => onShowMe(finding.field as string)}
                  aria-label={`Show me: ${FIELD_LABELS[finding.field as FieldKey]}`}
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

function countText(findings: Finding[]): string {
  const n = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const parts: string[] = [];
  const add = (count: number, word: string) => count && parts.push(`${count} ${word}${count === 1 ? '' : 's'}`);
  add(n('error'), 'error');
  add(n('warning'), 'warning');
  add(n('info'), 'note');
  return `${parts.join(', ')} on this credential.`;
}
