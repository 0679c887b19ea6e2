import * as z from 'zod/mini';
import { FieldKey, PageSnapshot } from '../page/snapshot-schema';
import { KNOWN_SPOTS } from '../page/snapshot';
import { SOURCE_IDS } from '../rules/sources';
import { Settings } from '../settings/schema';
import { lazy } from '../util/lazy';
import { assertType, type Equal } from '../util/type-assert';
import type * as T from './protocol';

/**
 * zod schemas of the protocol's messages (types in protocol.ts), used where messages are received by
 * extension pages and the worker. The content script does not load zod (see protocol.ts).
 */
export { onMessage, sendMessage, type ProtocolMap, type PageState } from './protocol';

export const FindingSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    id: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    field: z.nullable(FieldKey),
    message: z.string(),
    detail: z.string(),
    source: z.enum(SOURCE_IDS as [T.Finding['source'], ...T.Finding['source'][]]),
    copy: z.optional(z.string()),
  }),
);

export const PageStateSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    snapshot: PageSnapshot,
    findings: z.array(FindingSchema),
    spots: z.array(z.enum(KNOWN_SPOTS)),
  }),
);

export const SaveSettingsRequest = /*#__PURE__*/ lazy(() => z.object({ settings: Settings }));

assertType<Equal<z.infer<typeof PageStateSchema>, T.PageState>>();
