import type { Highlighter } from '../render/highlight';

/** "Show me": scrolls to a spot, focuses it (or its lookup link) and rings it briefly. */
export function showMe(highlighter: Highlighter, spot: { target: Element; focus: HTMLElement | null }): Promise<void> {
  spot.target.scrollIntoView({ block: 'center', behavior: 'auto' });
  spot.focus?.focus({ preventScroll: true });
  return highlighter.ring(spot.target);
}
