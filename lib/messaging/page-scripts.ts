import { browser } from 'wxt/browser';
import { LoadPageScriptRequest, onMessage } from './schemas';

/** The page-side scripts the worker injects on request, and nothing else (the request names one). */
const PAGE_SCRIPTS = { assistant: '/assistant.js', 'structure-report': '/structure-report.js' } as const;

/**
 * The worker's side of `loadPageScript` (protocol.ts): injects the named script into the frame that
 * asked, in the content script's isolated world, and answers once it has run. Only a CalJOBS frame
 * can ask (the content script runs nowhere else, and the host permission covers CalJOBS only), and
 * only for one of our two files. Registered by entrypoints/background.ts.
 */
export function servePageScripts(): void {
  onMessage('loadPageScript', async ({ data, sender }) => {
    const request = LoadPageScriptRequest.safeParse(data);
    const tabId = sender.tab?.id;
    if (!request.success || tabId === undefined) return false;
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PAGE_SCRIPTS[request.data.script]] });
    return true;
  });
}
