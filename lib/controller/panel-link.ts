import { isKnownSpot, type Spot } from '../page/snapshot';
import { onMessage, sendMessage } from '../messaging/page';
import type { PageState } from '../messaging/protocol';
import { REPORT_READER } from '../page/report-reader';
import type { ReportReader } from '../page/structure-report/reader';
import { logErrorOnce } from '../util/log';

/**
 * This frame's link with the side panel: it answers the panel's requests (report, Show me, page
 * structure) and sends the page's state while a panel is watching. State lives in memory only.
 */
export interface PanelRequests {
  /** The state to report now (read fresh), with the controller's "what changed" key. */
  state(): { state: PageState; key: string };
  /** Scrolls to, focuses and rings a spot; false when the page has no such spot now. */
  showSpot(spot: Spot): boolean;
}

export class PanelLink {
  /** A side panel asked for this frame's state and has not gone away. */
  watching = false;
  private sentKey = '';

  constructor(private readonly requests: PanelRequests) {}

  start(signal: AbortSignal): void {
    const removers = [
      onMessage('requestPageState', () => {
        this.watching = true;
        this.sentKey = '';
        const { state, key } = this.requests.state();
        this.send(() => state, key); // also on pages that are not ours, so the panel can say so
        return true;
      }),
      onMessage('showSpot', ({ data }) => {
        const spot = typeof data?.spot === 'string' ? data.spot : '';
        try {
          return isKnownSpot(spot) && this.requests.showSpot(spot);
        } catch (error) {
          logErrorOnce('show me', error);
          return false;
        }
      }),
      onMessage('pageStructure', async () => {
        const g = globalThis as { __caljobsStructureReport?: (doc: Document, reader: ReportReader) => string };
        // Put into this frame by the worker, only now (lib/messaging/page-scripts.ts).
        if (!g.__caljobsStructureReport) await sendMessage('loadPageScript', { script: 'structure-report' });
        if (!g.__caljobsStructureReport) throw new Error('The structure report could not be loaded.');
        return g.__caljobsStructureReport(document, REPORT_READER);
      }),
    ];
    signal.addEventListener('abort', () => {
      for (const remove of removers) {
        try {
          remove();
        } catch {
          // the extension's APIs are already gone
        }
      }
    });
  }

  /** Sends the state when a panel is watching and `key` (the controller's "what changed") is new. */
  send(state: () => PageState, key: string): void {
    if (!this.watching || key === this.sentKey) return;
    this.sentKey = key;
    sendMessage('pageState', state()).catch(() => {
      // No panel is listening any more: stop sending until one asks again.
      this.watching = false;
    });
  }
}
