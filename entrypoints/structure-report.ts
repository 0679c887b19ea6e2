import { structureReport } from '@/lib/page/structure-report';

/**
 * "Copy page structure" for support, loaded by the assistant only when a staff member asks for it
 * (it is not needed on every page load). Runs in the content script's isolated world.
 */
export default defineUnlistedScript(() => {
  (globalThis as { __caljobsStructureReport?: (doc: Document) => string }).__caljobsStructureReport = structureReport;
});
