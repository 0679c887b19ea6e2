import type { CredentialForm, FieldKey } from '../page/snapshot';
import type { Settings } from '../settings/schema';
import type { SourceId } from '../rules/sources';

export type Severity = 'error' | 'warning' | 'info';

/** Everything a check may look at. `today` is injected, never read from the clock inside a check. */
export interface CheckContext {
  form: CredentialForm;
  settings: Settings;
  today: Date;
}

/** What a check says when it fires. Plain data: renderers decide how to show it. */
export interface Finding {
  id: string;
  severity: Severity;
  /** The field the finding sits next to, or null for the summary only. */
  field: FieldKey | null;
  /** One short line, shown inline. */
  message: string;
  /** The full explanation: what to do and why. */
  detail: string;
  source: SourceId;
  /** Text the user may want to copy (e.g. the office's agency code), offered with a Copy button. */
  copy?: string;
}

/**
 * A finding as the page draws it: with its source's short name and address, so the page-side script
 * carries no list of sources (the checks run in the worker: lib/messaging/check-form.ts).
 */
export interface CitedFinding extends Finding {
  cite: { short: string; url: string | null };
}

export interface Check {
  id: string;
  severity: Severity;
  field: FieldKey | null;
  source: SourceId;
  /** One line for the options page: what the check looks for. */
  title: string;
  /**
   * Returns the message and detail when the check fires, or null. Must not throw. A check whose
   * findings differ in weight or source (one per catalogue entry) may set them per finding; otherwise
   * the check's own severity and source apply.
   */
  run(ctx: CheckContext): CheckSays | null;
}

export interface CheckSays {
  message: string;
  detail: string;
  copy?: string;
  severity?: Severity;
  source?: SourceId;
}

export function defineCheck(check: Check): Check {
  return check;
}
