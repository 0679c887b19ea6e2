import { watchPagePosts } from '@/lib/actions/page-posts';

/**
 * A main-world content script (declared in wxt.config.ts, `world: "MAIN"`) on CalJOBS pages: lets the
 * Save guard see a Save posted by the page's own scripts (`__doPostBack` → `form.submit()`).
 * See lib/actions/page-posts.ts. No extension API here.
 */
export default defineUnlistedScript({
  globalName: false, // leave no global variable behind in the page's world
  main() {
    watchPagePosts(window);
  },
});
