/**
 * How long the assistant lives in this page: until the extension is reloaded, updated or removed (its
 * API is then gone from this world: `runtime.id` is undefined), or until it stops itself. What WXT's
 * ContentScriptContext gives, in a few lines: the content script must stay small (README, Performance).
 */
export class Lifetime {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the extension behind this content script is gone (asks the extension API: not free). */
  get isInvalid(): boolean {
    const g = globalThis as { browser?: { runtime?: { id?: string } }; chrome?: { runtime?: { id?: string } } };
    try {
      return !(g.browser?.runtime?.id ?? g.chrome?.runtime?.id);
    } catch {
      return true;
    }
  }

  onInvalidated(fn: () => void): void {
    this.signal.addEventListener('abort', fn, { once: true });
  }

  abort(reason?: string): void {
    this.controller.abort(reason);
  }
}
