export * from './read-page';
export { readPage } from './validated';
export { normalizeCaption, captionKey, isPlaceholderOption } from './captions';
export type { FieldLocation } from './locate';
