/**
 * The DOM event a Search Activities/Services window dispatches on its form's document, with a random
 * token as `detail`, before it asks the worker for the form's credential date (issue 14; see
 * `activityMarksForLookup` in protocol.ts). The token says which form is asked; it carries no data.
 */
export const LOOKUP_ASK_EVENT = 'caljobs-assistant-lookup-ask';
export const MAX_ASK_LENGTH = 64;
