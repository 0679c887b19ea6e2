import { CAPTION_KEYS, captionKey, isPlaceholderOption, isReadOnlyKey, normalizeCaption } from './captions';
import { INLINE_CAPTION } from './locate';
import { locatePage } from './read';
import type { ReportReader } from './structure-report/reader';

/** The reader handed to the structure report (lib/page/structure-report/reader.ts). */
export const REPORT_READER: ReportReader = {
  locatePage,
  captionKey,
  normalizeCaption,
  isReadOnlyKey,
  isPlaceholderOption,
  inlineCaption: INLINE_CAPTION,
  captionKeys: CAPTION_KEYS,
};
