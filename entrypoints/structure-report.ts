import { structureReport, type ReportReader } from '@/lib/page/structure-report';

/**
 * "Copy page structure" for support, loaded by the assistant only when a staff member asks for it
 * (it is not needed on every page load). Runs in the content script's isolated world, with the
 * assistant's own page reader (handed over at each call: no second copy of it here).
 */
export default defineUnlistedScript({
  globalName: false, // as the gate: no global variable for the script's result
  main() {
    (globalThis as { __caljobsStructureReport?: (doc: Document, reader: ReportReader) => string }).__caljobsStructureReport = (doc, reader) =>
      structureReport(doc, reader);
  },
});
