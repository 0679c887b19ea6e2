import { watchPagePosts } from '@/lib/actions/page-posts';
import { watchPageValues } from '@/lib/controller/page-values';
import { lookAtPage } from '@/lib/page/page-look';

/**
 * The content script's part in the PAGE's own world (declared in wxt.config.ts, `world: "MAIN"`), on
 * every CalJOBS page and frame: the first look at the page (lib/page/page-look.ts), and, only where
 * that look says the assistant or the lookup helper is needed, the watch that lets the Save guard see
 * a Save posted by the page's own scripts and the clicks asked for from the content script
 * (lib/actions/page-posts.ts), and the watch that tells the assistant of values written without events
 * and of staff's pause in typing (lib/controller/page-values.ts: there, on a form, the page's own
 * value setters are wrapped, each calling the browser's first). No extension API here, and no global
 * left behind.
 */
export default defineUnlistedScript({
  globalName: false,
  main() {
    lookAtPage(window, () => {
      watchPagePosts(window);
      watchPageValues(window);
    });
  },
});
