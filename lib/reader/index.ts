export * from './read-page';
export { normalizeCaption, captionKey, isKnownCaption, isPlaceholderOption } from './captions';
export type { FieldLocation } from './locate';
