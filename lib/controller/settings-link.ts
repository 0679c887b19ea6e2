import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/page';
import { isSettingsChange } from '../settings/changes';
import { defaultSettings, type EffectiveSettings } from '../settings/defaults';
import { logErrorOnce } from '../util/log';

/**
 * The office settings as this page sees them: asked from the worker at start, and again whenever the
 * user's settings (sync) or IT policy (managed) change. Calls `onChange` with each new value.
 */
export class SettingsLink {
  current: EffectiveSettings = { settings: defaultSettings(), locked: [], problems: [] };
  /** False until the worker has answered once (auto-fill waits for the real settings). */
  loaded = false;
  /** Counts the answers, so a change of settings changes the controller's "what changed" key. */
  generation = 0;

  constructor(private readonly onChange: () => void) {}

  start(signal: AbortSignal): void {
    const load = () =>
      sendMessage('getSettings')
        .then((effective) => {
          if (signal.aborted) return;
          this.current = effective;
          this.loaded = true;
          this.generation += 1;
          this.onChange();
        })
        .catch((error: unknown) => logErrorOnce('loading settings', error));
    load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (isSettingsChange(changes, area)) load();
    };
    browser.storage.onChanged.addListener(onChanged);
    signal.addEventListener('abort', () => {
      try {
        browser.storage?.onChanged.removeListener(onChanged); // gone once the extension is reloaded
      } catch {
        // nothing to remove from: the extension's APIs are already gone
      }
    });
  }
}
