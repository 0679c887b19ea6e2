import { serveLookupWindows } from '@/lib/messaging/lookups';
import { servePageScripts } from '@/lib/messaging/page-scripts';
import { browser } from 'wxt/browser';
import { logErrorOnce } from '@/lib/util/log';
import { registerSettingsMessages } from '@/lib/settings/messages';
import { getEffectiveSettings } from '@/lib/settings/store';
import { serveFormChecks } from '@/lib/messaging/check-form';

/**
 * The worker owns the office settings and profiles and the remembered CalJOBS lists (lib/settings,
 * messages in lib/settings/messages.ts) and opens the side panel from the toolbar button. It holds no
 * state in memory: an MV3 worker may be stopped at any time.
 */
export default defineBackground(() => {
  registerSettingsMessages();
  // A page's assistant sends the form it read; the checks run here (lib/messaging/check-form.ts).
  serveFormChecks(getEffectiveSettings);

  // Chrome/Edge: the toolbar button opens the side panel. Firefox uses sidebar_action instead.
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(o: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => logErrorOnce('side panel setup', error));
  // Firefox (Manifest V3 there too, so the button is `action`): the toolbar button toggles the sidebar.
  const firefox = browser as unknown as {
    action?: { onClicked: { addListener(cb: () => void): void } };
    sidebarAction?: { toggle(): Promise<void> };
  };
  const sidebar = firefox.sidebarAction;
  if (sidebar) {
    firefox.action?.onClicked.addListener(() => {
      sidebar.toggle().catch((error: unknown) => logErrorOnce('opening the sidebar', error));
    });
  }

  // The lookup windows send their rows and draw the marks answered: Search Activities/Services (from the
  // form's credential date, relayed, never kept) and Agency Code Search (the office's code; the codes
  // listed are remembered for the options page). lib/messaging/lookups.ts.
  serveLookupWindows();
  // The content script asks for the assistant (or, for support, the structure report) in its frame.
  servePageScripts();
});
