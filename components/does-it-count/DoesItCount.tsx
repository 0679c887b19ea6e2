import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CATALOGUE } from '@/lib/rules/catalogue/catalogue';
import type { FormSearch } from '@/lib/rules/catalogue/form-search';
import { createCatalogueSearch, type CatalogueSearch } from '@/lib/rules/catalogue/search';
import type { CatalogueEntry } from '@/lib/rules/catalogue/types';
import { BASIS_WORDS, caseNoteText, VERDICT_ICON, VERDICT_WORDS } from '@/lib/rules/catalogue/wording';
import { SOURCES, type SourceId } from '@/lib/rules/sources';
import './does-it-count.css';
import { useCopyText } from '../useCopyText';

export interface DoesItCountProps {
  /** What the attached form names (lib/rules/catalogue/form-search.ts): the first search. */
  fromForm?: FormSearch | undefined;
  /** "Walk the decision tree": with the entry's suggestions, or with none (nothing found). */
  onWalkTree(entry: CatalogueEntry | null): void;
  /** Injected, never read from the clock: dates the case note. */
  today: Date;
}

let shared: CatalogueSearch | null = null;
const catalogueSearch = () => (shared ??= createCatalogueSearch(CATALOGUE));

function SourceLink({ id }: { id: SourceId }) {
  const source = SOURCES[id];
  if (!source.url) return <span>{source.name}</span>;
  return (
    <a href={source.url} target="_blank" rel="noreferrer" title={source.name}>
      {source.short}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

function Verdict({ entry }: { entry: CatalogueEntry }) {
  return (
    <span className="dic-verdict" data-verdict={entry.verdict}>
      <span aria-hidden="true" className="dic-icon">
        {VERDICT_ICON[entry.verdict]}
      </span>{' '}
      {VERDICT_WORDS[entry.verdict]}
    </span>
  );
}

/**
 * "Does it count?": search the credential catalogue as you type (WAI-ARIA combobox with a listbox:
 * arrows move, Enter picks, Escape closes then clears), each result with its verdict in words, its
 * reason and source; the picked one with the full why, Walk the decision tree and Copy.
 */
export function DoesItCount({ fromForm, onWalkTree, today }: DoesItCountProps) {
  const uid = useId();
  const fromPage = fromForm?.query ?? '';
  const [query, setQuery] = useState(fromPage);
  const [typed, setTyped] = useState(false);
  const [open, setOpen] = useState(true);
  const [active, setActive] = useState(-1);
  const [picked, setPicked] = useState<CatalogueEntry | null>(null);
  const [status, setStatus] = useState('');
  const copy = useCopyText();
  const heading = useRef<HTMLHeadingElement | null>(null);
  const [focusPicked, setFocusPicked] = useState(0);

  // Until the user types, the search follows what the form says.
  useEffect(() => {
    if (!typed) setQuery(fromPage);
  }, [fromPage, typed]);

  const hits = useMemo(() => catalogueSearch().search(query), [query]);
  const listed = open && query.trim() !== '' && hits.length > 0;

  // One polite announcement per change of results (the list itself is not a live region).
  useEffect(() => {
    if (query.trim() === '') setStatus('');
    else if (hits.length === 0) setStatus('No credential in the catalogue matches.');
    else if (open) {
      const first = hits[0]!.entry;
      setStatus(`${hits.length} result${hits.length === 1 ? '' : 's'}. First: ${first.name}, ${VERDICT_WORDS[first.verdict].replace('…', '')}.`);
    }
  }, [hits, query, open]);

  useEffect(() => {
    if (focusPicked > 0) heading.current?.focus();
  }, [focusPicked]);

  const pick = (entry: CatalogueEntry, moveFocus: boolean) => {
    setPicked(entry);
    setOpen(false);
    setActive(-1);
    copy.reset();
    setStatus(`${entry.name}: ${VERDICT_WORDS[entry.verdict].replace('…', '')}. Details below.`);
    if (moveFocus) setFocusPicked((n) => n + 1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = hits.length;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (count === 0) return;
      event.preventDefault();
      if (!listed) setOpen(true);
      const down = event.key === 'ArrowDown';
      setActive((at) => (at < 0 ? (down ? 0 : count - 1) : (at + (down ? 1 : count - 1)) % count));
    } else if (event.key === 'Enter') {
      const hit = listed ? hits[active < 0 ? 0 : active] : undefined;
      if (!hit) return;
      event.preventDefault();
      pick(hit.entry, false);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (listed) setOpen(false);
      else {
        setQuery('');
        setTyped(true);
      }
      setActive(-1);
    }
  };

  const onCopy = (entry: CatalogueEntry) =>
    copy.copy(caseNoteText(entry, today), { copied: 'Copied for the case note.', blocked: 'Copying was blocked. The note is selected below: press Ctrl+C (⌘C on a Mac) to copy it.' });

  const optionId = (index: number) => `${uid}-option-${index}`;
  const listId = `${uid}-list`;
  const titleId = `${uid}-title`;

  return (
    <section className="dic" aria-labelledby={titleId}>
      <h2 id={titleId} className="dic-title">
        Does it count?
      </h2>
      <p className="dic-intro">
        Look a credential up by name: {CATALOGUE.length} credentials recorded in California workforce programs, each with its verdict and
        source.
      </p>
      <label htmlFor={`${uid}-input`} className="dic-label">
        Credential name
      </label>
      <input
        id={`${uid}-input`}
        className="dic-input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={listed}
        aria-controls={listId}
        aria-activedescendant={listed && active >= 0 ? optionId(active) : undefined}
        aria-describedby={`${uid}-hint`}
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setTyped(true);
          setOpen(true);
          setActive(-1);
        }}
        onKeyDown={onKeyDown}
      />
      <p id={`${uid}-hint`} className="dic-hint">
        Any part of the name, in any order; typos are fine. Up and Down move through the results, Enter picks one.
        {!typed && fromForm?.from === 'other-credential' && ' Filled in from the form’s Other Credential.'}
        {!typed && fromForm?.from === 'credential-received' && ' Filled in from the form’s Credential Received.'}
      </p>
      {!typed && fromForm?.genericChoice && (
        <p className="dic-hint dic-generic">
          The form’s Credential Received is “{fromForm.genericChoice}”, a type rather than a credential: type the credential’s own
          name (as printed on it) to look it up.
        </p>
      )}
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
      <ul id={listId} role="listbox" aria-label="Credentials found" className="dic-list" hidden={!listed}>
        {listed &&
          hits.map(({ entry }, index) => (
            <li
              key={entry.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="dic-option"
              data-entry={entry.id}
              data-verdict={entry.verdict}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(entry, true)}
            >
              <span className="dic-option-name">{entry.name}</span>
              <span className="dic-option-line">
                <Verdict entry={entry} />: {entry.short}
              </span>
              <span className="dic-option-source">Source: {SOURCES[entry.source].short}</span>
            </li>
          ))}
      </ul>
      {query.trim() !== '' && hits.length === 0 && (
        <div className="dic-none">
          <p>No credential in the catalogue matches “{query.trim()}”. The decision tree can still decide it.</p>
          <button type="button" className="dic-button" onClick={() => onWalkTree(null)}>
            Walk the decision tree
          </button>
        </div>
      )}
      {picked && (
        <article className="dic-result" data-entry={picked.id} data-verdict={picked.verdict} aria-labelledby={`${uid}-picked`}>
          <h3 id={`${uid}-picked`} className="dic-result-name" tabIndex={-1} ref={heading}>
            {picked.name}
          </h3>
          <p className="dic-result-verdict">
            <strong>
              <Verdict entry={picked} />
            </strong>
            : {picked.short}
          </p>
          <p>
            <strong>Why:</strong> {picked.why}
          </p>
          {picked.condition && (
            <p>
              <strong>Condition:</strong> {picked.condition}
            </p>
          )}
          <p className="dic-basis">
            {BASIS_WORDS[picked.basis]}. Source: <SourceLink id={picked.source} />
          </p>
          {picked.aliases.length > 0 && <p className="dic-aliases">Also found as: {picked.aliases.join(', ')}</p>}
          <div className="dic-actions">
            <button type="button" className="dic-button dic-button-primary" onClick={() => onWalkTree(picked)}>
              Walk the decision tree
            </button>
            <button type="button" className="dic-button" onClick={() => void onCopy(picked)}>
              Copy for a case note
            </button>
          </div>
          <p className="dic-status" role="status" aria-live="polite">
            {copy.shown?.status ?? ''}
          </p>
          {copy.shown?.fallback && (
            <textarea ref={copy.fallbackRef} className="dic-fallback" readOnly rows={7} value={caseNoteText(picked, today)} aria-label="Case note" />
          )}
        </article>
      )}
    </section>
  );
}

export default DoesItCount;
