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

/**
 * The same, where the page-world script has not been asked to listen yet (it waits for
 * `caljobs-assistant-watch`, which the assistant sends on a Create Credential form): a lookup window's
 * one-click pick.
 */
export function clickInThePage(element: HTMLElement): void {
  element.ownerDocument.dispatchEvent(new CustomEvent('caljobs-assistant-watch'));
  clickAsThePage(element);
}
