import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Finding } from '../checks';
import type { EffectiveSettings, Settings } from '../settings/defaults';
import type { PageSnapshot, Spot } from '../page/snapshot';

export type { Finding };

/**
 * The one protocol between the page (content script), the background worker and the extension pages
 * (side panel, options). Receivers validate every message with the zod schemas in schemas.ts,
 * except the content script, which only accepts small requests from the panel (showSpot is checked by
 * hand; the others carry no data): zod would cost it milliseconds on every CalJOBS page load.
 *
 * Participant data: `pageState` carries the snapshot and findings of the page to the side panel, in
 * memory only. Nothing on this path is stored or logged.
 */

/** What a frame of a CalJOBS tab reports to the side panel. */
export interface PageState {
  snapshot: PageSnapshot;
  findings: Finding[];
  /** Which of the page's spots the reader found, for "Show me" (field keys and walkthrough spots). */
  spots: Spot[];
}

export interface ProtocolMap {
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
  /** Side panel → one frame: the page's structure-only report for support (no values, no names). */
  pageStructure(): string;
  /**
   * A Search Activities/Services window → worker (issue 14): the Date Credential Received of the form
   * it writes back into, as typed ('' when empty), or null when no form answers. `from`: 'opener' (a
   * popup window: the worker asks the tab that opened it, sender.tab.openerTabId, or where the browser
   * does not say (Firefox, for a popup in a window of its own) every tab) or 'frame' (a RadWindow
   * frame: its own tab). `ask`: a random token the window first handed to its form's document as the
   * DOM event `caljobs-assistant-lookup-ask`, so that only that form answers. Relayed in memory,
   * never stored or logged (lib/messaging/lookup-date.ts).
   */
  credentialDateForLookup(data: { from: 'opener' | 'frame'; ask: string }): string | null;
  /**
   * Worker → the frames of a tab: the frame holding the Create Credential form that received `ask`
   * answers with its Date Credential Received, and nothing else; every other frame stays silent
   * (lib/controller/lookup-answer.ts).
   */
  formCredentialDate(data: { ask: string }): string;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
