import type { CaptionKey } from '../captions';
import type { PageLayout } from '../read';

/**
 * The page reader, as the structure report uses it: handed over by the assistant, which already holds
 * it (lib/page/report-reader.ts), so the report's own script (loaded only when support asks for it)
 * carries no second copy of the reader. One report runs at a time, synchronously.
 */
export interface ReportReader {
  locatePage(doc: Document): PageLayout | null;
  captionKey(text: string): CaptionKey | undefined;
  normalizeCaption(text: string): string;
  isReadOnlyKey(key: CaptionKey): boolean;
  isPlaceholderOption(text: string, value: string): boolean;
  /** "Exit Date: 8/18/2014" in one text: the reader's pattern for a caption and its value. */
  inlineCaption: RegExp;
  captionKeys: readonly CaptionKey[];
}

let current: ReportReader | null = null;

export function withReader<T>(reader: ReportReader, fn: () => T): T {
  const before = current;
  current = reader;
  try {
    return fn();
  } finally {
    current = before;
  }
}

export function reader(): ReportReader {
  if (!current) throw new Error('The structure report runs with the page reader.');
  return current;
}
