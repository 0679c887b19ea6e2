import { SOURCES, type SourceId } from '../../lib/rules/sources';

/** A rule's source, linked (with its full name as the tooltip) where it has an address. */
export function SourceLink({ id }: { id: SourceId }) {
  const source = SOURCES[id];
  if (!source.url) return <span className="dt-source">{source.name}</span>;
  return (
    <a className="dt-source" href={source.url} target="_blank" rel="noreferrer" title={source.name}>
      {source.short}
      <span className="dt-visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
