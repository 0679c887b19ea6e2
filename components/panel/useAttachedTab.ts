import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { onMessage, PageStateSchema, sendMessage, type PageState } from '@/lib/messaging/schemas';

/**
 * The tab the panel is attached to and what its frames report. Opened as `sidepanel.html?tabId=N`
 * it stays on tab N; otherwise it follows the active tab of its window.
 * Page state is kept in memory only, never stored.
 */
export interface AttachedTab {
  tabId: number | null;
  /** The best frame's state: a Create Credential form beats a case page beats anything else. */
  state: PageState | null;
  frameId: number | null;
  /** True once the attached tab answered, or we know it cannot (not a CalJOBS page). */
  settled: boolean;
  showSpot(spot: string): Promise<boolean>;
  /** The page's structure-only report (for support), from the frame the panel shows. */
  pageStructure(): Promise<string>;
}

const RANK = { 'credential-form': 0, 'case-page': 1, other: 2 } as const;

function fixedTabId(): number | null {
  const raw = new URLSearchParams(location.search).get('tabId');
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) && id >= 0 ? id : null;
}

export function useAttachedTab(): AttachedTab {
  const fixed = useRef(fixedTabId());
  const [tabId, setTabId] = useState<number | null>(fixed.current);
  const [frames, setFrames] = useState<Map<number, PageState>>(new Map());
  const [settled, setSettled] = useState(false);
  const tabRef = useRef<number | null>(tabId);
  tabRef.current = tabId;
  const framesRef = useRef(frames);
  framesRef.current = frames;

  // Which tab: fixed by the URL, or the active tab of this window (following switches).
  useEffect(() => {
    if (fixed.current !== null) return;
    let windowId: number | undefined;
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        windowId = tab?.windowId;
        setTabId(tab?.id ?? null);
      })
      .catch(() => setTabId(null));
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);

  const request = useCallback((id: number) => {
    sendMessage('requestPageState', undefined, id)
      .then(() => undefined)
      .catch(() => setSettled(true)); // no content script there: not a CalJOBS page
  }, []);

  // Listen to the attached tab's frames; ask them to report; ask again after navigation.
  useEffect(() => {
    setFrames(new Map());
    setSettled(false);
    if (tabId === null) {
      setSettled(true);
      return;
    }
    const remove = onMessage('pageState', (message) => {
      const sender = message.sender as { tab?: { id?: number }; frameId?: number } | undefined;
      if (sender?.tab?.id !== tabRef.current) return;
      const parsed = PageStateSchema.safeParse(message.data);
      if (!parsed.success) return;
      const frameId = sender.frameId ?? 0;
      setFrames((old) => new Map(old).set(frameId, parsed.data));
      setSettled(true);
    });
    request(tabId);
    const onUpdated = (updatedId: number, change: { status?: string }) => {
      if (updatedId !== tabId) return;
      if (change.status === 'loading') setFrames(new Map());
      if (change.status === 'complete') request(tabId);
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    // A content script may start after "complete": keep asking while nothing has answered.
    const retry = setInterval(() => {
      if (framesRef.current.size === 0) request(tabId);
    }, 1500);
    return () => {
      remove();
      clearInterval(retry);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, request]);

  let best: [number, PageState] | null = null;
  for (const entry of frames) {
    if (!best || RANK[entry[1].snapshot.page] < RANK[best[1].snapshot.page]) best = entry;
  }
  const frameId = best?.[0] ?? null;

  const showSpot = useCallback(
    async (spot: string) => {
      if (tabId === null) return false;
      try {
        return await sendMessage('showSpot', { spot }, { tabId, frameId: frameId ?? 0 });
      } catch {
        return false;
      }
    },
    [tabId, frameId],
  );

  const pageStructure = useCallback(async () => {
    if (tabId === null) throw new Error('No tab is attached.');
    const report = await sendMessage('pageStructure', undefined, { tabId, frameId: frameId ?? 0 });
    if (typeof report !== 'string') throw new Error('The page sent no report.');
    return report;
  }, [tabId, frameId]);

  return { tabId, state: best?.[1] ?? null, frameId, settled, showSpot, pageStructure };
}
