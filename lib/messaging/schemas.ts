import * as z from 'zod/mini';
import { lazy } from '../util/lazy';
import { PageSnapshot } from '../page/snapshot-schema';
import { Settings } from '../settings/schema';

/** zod schemas for the protocol's messages (protocol.ts), used where messages are received. */
export { onMessage, sendMessage, type ProtocolMap } from './protocol';

export const FindingSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    id: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    field: z.nullable(z.string()),
    message: z.string(),
    detail: z.string(),
    source: z.string(),
    copy: z.optional(z.string()),
  }),
);

export const PageState = /*#__PURE__*/ lazy(() =>
  z.object({
    snapshot: PageSnapshot,
    findings: z.array(FindingSchema),
    spots: z.array(z.string()),
  }),
);
export type PageState = z.infer<typeof PageState>;

export const SaveSettingsRequest = /*#__PURE__*/ lazy(() => z.object({ settings: Settings }));
