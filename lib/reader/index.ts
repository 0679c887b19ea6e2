export * from './read-page';
export { readPage } from './validated';
export { normalizeCaption, captionKey, isKnownCaption, isPlaceholderOption } from './captions';
export type { FieldLocation } from './locate';
