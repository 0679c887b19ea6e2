/**
 * Clicks a control from the page's own world (lib/actions/page-posts.ts answers
 * `caljobs-assistant-click` in every CalJOBS frame), as the user's click would: a `javascript:` link
 * (a LinkButton's `__doPostBack(…)`, a lookup's `SelectAgency(…)`) does not run when clicked from the
 * content script's world. Where the page-world script is missing, the control is clicked from here.
 */
export function clickAsThePage(element: HTMLElement): void {
  const handled = !element.dispatchEvent(new CustomEvent('caljobs-assistant-click', { bubbles: true, cancelable: true }));
  if (!handled) element.click();
}
