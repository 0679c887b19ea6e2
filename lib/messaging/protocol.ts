import { defineExtensionMessaging } from '@webext-core/messaging';
import type { CitedFinding, Finding } from '../checks/types';
import type { EffectiveSettings, EffectiveSettingsWithProfiles, UserSettings } from '../settings/defaults';
import type { RememberedChoices } from '../settings/choices';
import type { OfficeDefaultsMade, OfficeDefaultsRequest, OfficeDefaultsUndo } from '../settings/office-defaults';
import type { CredentialForm, PageSnapshot, Spot } from '../page/snapshot';
import type { LookupAnswer } from '../rules/lookup-marks';

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
  /**
   * Extension pages and content scripts → worker: the effective settings (user + policy).
   * `settings` is the ACTIVE office profile flattened with the shared switches (the shape the checks
   * take). The worker answers an `EffectiveSettingsWithProfiles` (`profiles` and `activeProfileId`
   * beside `settings`); extension pages read those through `EffectiveSettingsSchema` (schemas.ts).
   * Typed as the narrower `EffectiveSettings` so that content-script code and its stand-ins in tests
   * need not know about profiles.
   */
  getSettings(): EffectiveSettings;
  /**
   * Options page → worker: replace the user's settings (every profile, the one in use, the shared
   * switches). Rejects with a readable message when invalid. Resolves with the new effective settings.
   */
  saveSettings(data: { settings: UserSettings }): EffectiveSettingsWithProfiles;
  /** Side panel → every frame of a tab: report your state now (each frame answers with pageState). */
  requestPageState(): boolean;
  /** Content script → side panel: this frame's state changed. */
  pageState(data: PageState): void;
  /** Side panel → one frame: scroll to, focus and highlight a field or walkthrough spot. */
  showSpot(data: { spot: string }): boolean;
  /** Side panel → one frame: the page's structure-only report for support (no values, no names). */
  pageStructure(): string;

  // ---- Office profiles and remembered CalJOBS lists (issue 13; worker side in lib/settings) ------
  // Every handler validates its data (zod) and rejects with an Error whose message can be shown to
  // people as it is. Office names and codes only: never send participant data on these messages.

  /** Options page → worker: the remembered lists (what the Region and Office pickers offer). */
  getRememberedChoices(): RememberedChoices;
  /** Options page → worker: forget every remembered list. Resolves with the (empty) lists. */
  forgetRememberedChoices(): RememberedChoices;
  /**
   * Content script (the summary's "Make these my office defaults") → worker: save the form's region,
   * office and agency code (all three non-empty; agencyName may be '') into the ACTIVE profile.
   * Rejects when IT policy locks region, office or agency code: offer the button only when
   * `getSettings().locked` holds none of 'region', 'office', 'agencyCode'. Resolves with
   * `{ effective, undo, profileName, changed }`: keep `undo` (office names only) in memory and send
   * it back as it is to `undoOfficeDefaults`.
   */
  makeOfficeDefaults(data: OfficeDefaultsRequest): OfficeDefaultsMade;
  /**
   * Content script → worker: undo a `makeOfficeDefaults`. Resolves with the effective settings.
   * Rejects, changing nothing, when the profile was deleted or its office fields were changed again
   * since. Undoing twice is harmless.
   */
  undoOfficeDefaults(data: { undo: OfficeDefaultsUndo }): EffectiveSettingsWithProfiles;
  /**
   * Side panel → worker: make another profile the one in use. Resolves with the effective settings;
   * open CalJOBS forms pick the change up through `storage.onChanged` (see isSettingsChange).
   * Rejects when the profile does not exist.
   */
  setActiveProfile(data: { profileId: string }): EffectiveSettingsWithProfiles;
  // ---- end of office profiles and remembered lists ---------------------------------------------

  // ---- Lookup windows (issue 14) ----------------------------------------------------------------
  /**
   * A Search Activities/Services window → worker (issue 14): the marks of the rows it lists (`rows`:
   * each row's activity code and start date, in order), from the Date Credential Received of the form
   * it writes back into. The worker asks the form for its date and answers each row's marks and the
   * line above the grid, which says what the marks rest on (the date, or that the form has none)
   * (lib/rules/lookup-marks.ts: the rules run in the worker, not in the page's script). `from`: 'opener' (a
   * popup window: the worker asks the tab that opened it, sender.tab.openerTabId, or where the browser
   * does not say (Firefox, for a popup in a window of its own) every tab) or 'frame' (a RadWindow
   * frame: its own tab). `ask`: a random token the window first handed to its form's document as the
   * DOM event `caljobs-assistant-lookup-ask`, so that only that form answers. Relayed in memory,
   * never stored or logged (lib/messaging/lookups.ts).
   */
  activityMarksForLookup(data: { from: 'opener' | 'frame'; ask: string; rows: Array<{ code: string; start: string }> }): LookupAnswer;
  /**
   * An Agency Code Search window → worker (issues 13 and 14): the rows it lists (`rows`: each row's code
   * and agency name, in order, e.g. `{ code: 'LA0211', name: 'Example WorkSource Center' }`, the name
   * '' when the grid has none). The worker marks the row holding the office's code (settings), or
   * answers a line saying where to set it or that it is not on this page; and it remembers the codes
   * listed with their names (office data, never participant data) for the options page's Agency Code
   * picker, writing only what changed (lib/messaging/lookups.ts).
   */
  agencyCodesForLookup(data: { rows: Array<{ code: string; name: string }> }): LookupAnswer;
  /**
   * Worker → the frames of a tab: the frame holding the Create Credential form that received `ask`
   * answers with its Date Credential Received, and nothing else; every other frame stays silent
   * (lib/controller/lookup-answer.ts).
   */
  formCredentialDate(data: { ask: string }): string;

  // ---- Loading the page-side scripts (issue 15) -------------------------------------------------
  /**
   * The content script (entrypoints/caljobs-gate.ts) or the assistant → worker: put one of our page
   * scripts into the frame that asks (sender.tab, sender.frameId), in the content script's world:
   * 'assistant' (the assistant and the lookup-window help, entrypoints/assistant.ts) or
   * 'structure-report' (entrypoints/structure-report.ts, when support asks). True once it ran. The
   * worker injects (scripting.executeScript) rather than the page importing a web-accessible file:
   * measured, a dynamic import() costs a CalJOBS page about 1.4 ms of main-thread time by itself, an
   * injection a fraction of that, and no file of the extension is readable by any page
   * (lib/messaging/page-scripts.ts).
   */
  loadPageScript(data: { script: 'assistant' | 'structure-report' }): boolean;
  /**
   * Content script (a Create Credential form) → worker: check the form as read now, with the office
   * settings in effect and today's date; the findings come back with their sources' short names
   * (lib/messaging/check-form.ts). The checks, the catalogue and their texts live in the worker only,
   * out of every CalJOBS page's script (issue 15). The form's Region and Office Location lists (option
   * texts without the "-- Select One --" placeholder) are remembered on the way, for the options page's
   * pickers (issue 13; written only when they changed). Participant data: the form's values, held in
   * memory for the one answer, never stored or logged.
   */
  checkForm(data: { form: CredentialForm }): CitedFinding[];
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
