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
