import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { markLanguage } from './dom';

export type Host = ShadowRootContentScriptUi<void>;

/**
 * One of our hosts on the page: an open shadow root (WXT's createShadowRootUi) holding our styles, so
 * no CSS crosses either way. `anchor` is asked at each mount, so a host follows re-rendered fields.
 * Keyboard events stay inside (isolateEvents), so the page's own key handlers never see our buttons.
 */
export async function createHost(
  ctx: ContentScriptContext,
  options: { name: `caljobs-assistant-${string}`; css: string; anchor(): Element | null; append: 'last' | 'before' | ((anchor: Element, host: Element) => void) },
): Promise<Host> {
  const ui = await createShadowRootUi(ctx, {
    name: options.name,
    position: 'inline',
    anchor: options.anchor,
    append: options.append,
    css: options.css,
    isolateEvents: true,
    onMount: () => undefined,
  });
  markLanguage(ui.shadow);
  return ui;
}
