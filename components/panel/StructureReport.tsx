import { useRef, useState } from 'react';

/**
 * "Copy page structure": a structure-only snapshot of the page for support (tags, ids, known captions,
 * which fields the assistant recognized; every value and name replaced by placeholders).
 */
export function StructureReport({ load }: { load(): Promise<string> }) {
  const [status, setStatus] = useState('');
  const [fallback, setFallback] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const copy = async () => {
    setStatus('Reading the page…');
    setFallback(null);
    let report: string;
    try {
      report = await load();
    } catch {
      setStatus('The assistant is not running on this page, so it cannot describe it.');
      return;
    }
    try {
      await navigator.clipboard.writeText(report);
      setStatus('Page structure copied. Paste it into your message to support: it holds no participant data.');
    } catch {
      setFallback(report);
      setStatus('Copying was blocked: the report is selected below, press Ctrl+C to copy it.');
      requestAnimationFrame(() => area.current?.select());
    }
  };
  return (
    <section className="structure" aria-labelledby="structure-title">
      <h2 id="structure-title">Something looks wrong?</h2>
      <p>
        Copy the page's structure (no values, no names) and send it to support, so they can see how this CalJOBS page is
        built.
      </p>
      <button type="button" className="show-me" onClick={() => void copy()}>
        Copy page structure
      </button>
      <p role="status" className="structure-status">
        {status}
      </p>
      {fallback !== null ? (
        <textarea ref={area} readOnly value={fallback} aria-label="Page structure report" rows={8} className="structure-text" />
      ) : null}
    </section>
  );
}
