/**
 * Our own elements on the page: every host the assistant adds is a custom element named
 * `caljobs-assistant-*` holding an open shadow root (lib/render/host.ts). This is the one place that
 * says so: the reader skips them, the controller ignores their events and mutations, tests count them.
 */
export const OUR_TAG_PREFIX = 'caljobs-assistant-';
export type OurTagName = `${typeof OUR_TAG_PREFIX}${string}`;

export function isOurNode(node: Node | EventTarget | null | undefined): boolean {
  return !!node && (node as Element).nodeType === 1 && (node as Element).localName.startsWith(OUR_TAG_PREFIX);
}

/** Every host the assistant draws (lib/render): one list, for createHost's names and the clean-up below. */
export const OUR_HOST_NAMES = [
  'caljobs-assistant-note',
  'caljobs-assistant-summary',
  'caljobs-assistant-dialog',
  'caljobs-assistant-highlight',
  'caljobs-assistant-lookup-mark',
  'caljobs-assistant-lookup-line',
] as const;
export type OurHostName = (typeof OUR_HOST_NAMES)[number];

/**
 * The hosts an earlier copy of the assistant left in this document, to remove once. When the extension
 * is reloaded or updated, Firefox runs the new content script in pages already open, and the old one's
 * code is gone before it can clean up: its warnings would show twice. The new copy calls the function
 * returned when it draws its own (its first answer from the worker), or when it finds it has nothing to
 * draw in their place; until then they stay, so the page is never left without them. Later calls do
 * nothing (the copy's own hosts are never removed by it).
 */
export function leftoverRemoval(doc: Document): () => void {
  let pending = true;
  return () => {
    if (!pending) return;
    pending = false;
    for (const host of Array.from(doc.querySelectorAll(OUR_HOST_NAMES.join(',')))) host.remove();
  };
}
