/**
 * `defineUnlistedScript` for the page-side scripts (the gate, the page world, the assistant, the
 * structure report), put in place of WXT's by wxt.config.ts: the definition itself, so that the build's
 * minifier sees `{ main() {…} }.main()` and leaves the body alone. WXT's own also accepts a bare function
 * (none of ours is one) and answers `{ main: fn }`; these scripts always pass an object.
 */
export function defineUnlistedScript<T extends { main(): void }>(definition: T): T {
  return definition;
}
