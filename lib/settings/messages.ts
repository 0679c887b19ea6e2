import {
  MakeOfficeDefaultsRequest,
  SaveSettingsRequest,
  SetActiveProfileRequest,
  UndoOfficeDefaultsRequest,
  onMessage,
} from '../messaging/schemas';
import { forgetRememberedChoices, getRememberedChoices } from './choices-store';
import { describeSettingsIssues } from './issues';
import { makeOfficeDefaults, undoOfficeDefaults } from './office-defaults';
import { getEffectiveSettings, saveUserSettings, setActiveProfile } from './store';

/**
 * The worker's settings messages (contracts in lib/messaging/protocol.ts). Each request is checked with
 * its zod schema where it is received; a bad one is refused with a readable Error and changes nothing.
 * Returns the function that removes the handlers (tests).
 */

interface Schema<T> {
  safeParse(data: unknown, params?: { reportInput?: boolean }): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string; code?: string }> } };
}

/** The request, validated; or a readable Error. Paths inside `{ settings }` are named as in a settings file. */
function checked<T>(schema: Schema<T>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const wrapped = (data as { settings?: unknown } | null)?.settings;
  const issues = parsed.error.issues.map((issue) =>
    wrapped !== undefined && issue.path[0] === 'settings' ? { ...issue, path: issue.path.slice(1) } : issue,
  );
  throw new Error(`${what} ${describeSettingsIssues(issues, wrapped)}`);
}

export function registerSettingsMessages(): () => void {
  const removers = [
    onMessage('getSettings', () => getEffectiveSettings()),
    onMessage('saveSettings', ({ data }) => saveUserSettings(checked(SaveSettingsRequest, data, 'These settings are not valid:').settings)),
    onMessage('setActiveProfile', ({ data }) => setActiveProfile(checked(SetActiveProfileRequest, data, 'Not a profile:').profileId)),
    onMessage('getRememberedChoices', () => getRememberedChoices()),
    onMessage('forgetRememberedChoices', () => forgetRememberedChoices()),
    onMessage('makeOfficeDefaults', ({ data }) => makeOfficeDefaults(checked(MakeOfficeDefaultsRequest, data, 'These cannot be made office defaults:'))),
    onMessage('undoOfficeDefaults', ({ data }) => undoOfficeDefaults(checked(UndoOfficeDefaultsRequest, data, 'Nothing to undo:').undo)),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}
