import { defineExtensionMessaging } from '@webext-core/messaging';
import * as z from 'zod/mini';
import { lazy } from './lazy';
import { PageSnapshot } from './snapshot';
import { Settings, type EffectiveSettings } from './settings-schema';
import type { Finding } from './checks';

/**
 * The one protocol between the page (content script), the background worker and the extension pages
 * (side panel, options). Every message is validated with zod where it is received.
 *
 * Participant data: `pageState` carries the snapshot and findings of the page to the side panel, in
 * memory only. Nothing on this path is stored or logged.
 */

export const FindingSchema = lazy(() =>
  z.object({
  id: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  field: z.nullable(z.string()),
  message: z.string(),
  detail: z.string(),
  source: z.string(),
}),
);

/** What a frame of a CalJOBS tab reports to the side panel. */
export const PageState = lazy(() =>
  z.object({
  /** Set by the receiver from the sender (tab and frame); not trusted from the message body. */
  snapshot: PageSnapshot,
  findings: z.array(FindingSchema),
  /** Which of the page's spots the reader found, for "Show me" (field keys and walkthrough spots). */
  spots: z.array(z.string()),
}),
);
export type PageState = z.infer<typeof PageState>;

export const ShowSpotRequest = lazy(() =>
  z.object({ spot: z.string().check(z.maxLength(40)) }),
);
export const SaveSettingsRequest = lazy(() =>
  z.object({ settings: Settings }),
);

interface ProtocolMap {
  /** Extension pages and content scripts → worker: the effective settings (user + policy). */
  getSettings(): EffectiveSettings;
  /** Options page → worker: replace the user's settings. Resolves with the new effective settings. */
  saveSettings(data: { settings: Settings }): EffectiveSettings;
  /** Side panel → every frame of a tab: report your state now (each frame answers with pageState). */
  requestPageState(): boolean;
  /** Content script → side panel: this frame's state changed. */
  pageState(data: PageState): void;
  /** Side panel → one frame: scroll to, focus and highlight a field or walkthrough spot. */
  showSpot(data: { spot: string }): boolean;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();

export type { Finding };
