import { PageSnapshot } from './snapshot-schema';
import type { PageSnapshot as Snapshot } from './snapshot';
import { locatePage, snapshotOf, type PageLayout } from './read';

/** DOM → zod-validated snapshot, in one call (tests, the structure report). Never throws on odd markup. */
export function readPage(doc: Document): { snapshot: Snapshot; layout: PageLayout | null } {
  const layout = locatePage(doc);
  const snapshot = PageSnapshot.parse(snapshotOf(layout)) as Snapshot;
  return { snapshot, layout };
}
