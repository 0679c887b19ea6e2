import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describeTarget, findInPage, toWire, type Target } from './query';

/** A page-side object: Playwright's and puppeteer's JSHandle/ElementHandle both fit this. */
export interface Handle {
  evaluate(fn: (value: never, arg: never) => unknown, arg?: unknown): Promise<unknown>;
  asElement(): Handle | null;
  dispose(): Promise<void>;
}

/** The few things each browser does its own way (test/e2e/driver/chromium.ts, firefox.ts). */
export interface Primitives {
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  close(): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** In the page's own world (extension pages: with the extension API). */
  evaluate(fn: string | ((arg: never) => unknown), arg?: unknown): Promise<unknown>;
  evaluateHandle(expression: string): Promise<Handle>;
  /** A real (trusted) mouse click in the middle of the element, scrolled into view. */
  click(element: Handle): Promise<void>;
  /** Real key presses, one per character, into the element (focused first). */
  type(element: Handle, text: string): Promise<void>;
  /** A real key press on whatever has focus ("Enter", "Escape", "ArrowRight", "End"...). */
  press(key: string): Promise<void>;
  /** Makes this the tab that has the browser's focus, where a browser needs that for typing. */
  focusTab(): Promise<void>;
  /** Gives a file input this file, as the browser's file picker would. */
  setInputFile(element: Handle, file: { name: string; mimeType: string; contents: string }): Promise<void>;
}

export interface ElementRef {
  evaluate<R, A = undefined>(fn: (element: Element, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

export type AxeViolation = { id: string; impact: string; nodes: number };

const ENGINE = findInPage.toString();
const TIMEOUT = 5000;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One tab (a fixture page or an extension page), the same in both browsers. Reads do not wait
 * (`count`, `texts`, `attrs`, `isVisible`) or wait until the target is there (`text`, `attr`, `value`,
 * `isChecked`: up to 5 s), as Playwright's locators do. Actions wait until exactly one element matches
 * and is visible, then act as a person would. A target matching several elements is an error
 * (use `nth`).
 */
export class Tab {
  constructor(
    private readonly p: Primitives,
    /** The browser's own page object, for the rare browser-specific helper inside the driver. */
    readonly native: unknown,
  ) {}

  /** The address of the document in the tab now. */
  url(): Promise<string> {
    return this.p.url();
  }
  goto(url: string): Promise<void> {
    return this.p.goto(url);
  }
  reload(): Promise<void> {
    return this.p.reload();
  }
  close(): Promise<void> {
    return this.p.close();
  }
  setViewport(width: number, height: number): Promise<void> {
    return this.p.setViewport(width, height);
  }

  /** Runs `fn(arg)` in the page's own world and returns its (serialisable) result. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.p.evaluate(fn as (arg: never) => unknown, arg) as Promise<R>;
  }

  /** Polls `fn(arg)` in the page until it returns something truthy. */
  async waitForFunction<A>(fn: (arg: A) => unknown, arg?: A, timeout = TIMEOUT): Promise<void> {
    const end = Date.now() + timeout;
    while (!(await this.evaluate(fn, arg).catch(() => false))) {
      if (Date.now() > end) throw new Error(`waitForFunction timed out after ${timeout} ms`);
      await sleep(50);
    }
  }

  /** Runs `fn(elements, arg)` in the page over every match of `target` (one round trip). */
  async evaluateAll<R, A = undefined>(target: Target, fn: (elements: Element[], arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return (await this.p.evaluate(`(${fn.toString()})(${this.expr(target)}, ${JSON.stringify(arg ?? null)})`)) as R;
  }

  /** Runs `fn(element)` in the page on the one match of `target` (waits for it). */
  async evaluateOn<R, A = undefined>(target: Target, fn: (element: Element, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return (await this.handle(target)).evaluate(fn, arg);
  }

  /** A reference to the one element `target` matches now, that keeps pointing at it. */
  async handle(target: Target, options: { visible?: boolean; timeout?: number } = {}): Promise<ElementRef> {
    const element = await this.one(target, options);
    return { evaluate: (fn, arg) => element.evaluate(fn as (value: never, arg: never) => unknown, arg) as never };
  }

  count(target: Target): Promise<number> {
    return this.evaluateAll(target, (els) => els.length);
  }
  /** textContent of every match. */
  texts(target: Target): Promise<string[]> {
    return this.evaluateAll(target, (els) => els.map((el) => el.textContent ?? ''));
  }
  /** An attribute of every match (null where absent). */
  attrs(target: Target, name: string): Promise<Array<string | null>> {
    return this.evaluateAll(target, (els, n) => els.map((el) => el.getAttribute(n)), name);
  }
  text(target: Target): Promise<string> {
    return this.evaluateOn(target, (el) => el.textContent ?? '');
  }
  attr(target: Target, name: string): Promise<string | null> {
    return this.evaluateOn(target, (el, n) => el.getAttribute(n), name);
  }
  value(target: Target): Promise<string> {
    return this.evaluateOn(target, (el) => (el as HTMLInputElement).value);
  }
  isChecked(target: Target): Promise<boolean> {
    return this.evaluateOn(target, (el) => (el as HTMLInputElement).checked);
  }
  /** Whether the one match is visible now (false when nothing matches). */
  async isVisible(target: Target): Promise<boolean> {
    const states = await this.evaluateAll(target, (els) => els.map((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
    }));
    if (states.length > 1) throw new Error(`${describeTarget(target)} matches ${states.length} elements`);
    return states[0] ?? false;
  }
  /** Whether the one match has focus (inside shadow roots too). */
  isFocused(target: Target): Promise<boolean> {
    return this.evaluateOn(target, (el) => el.matches(':focus'));
  }

  /** Waits until the target is attached (default), visible, hidden or detached. */
  async waitFor(target: Target, options: { state?: 'attached' | 'visible' | 'hidden' | 'detached'; timeout?: number } = {}): Promise<void> {
    const state = options.state ?? 'attached';
    const end = Date.now() + (options.timeout ?? TIMEOUT);
    for (;;) {
      const shown = await this.evaluateAll(target, (els) => els.map((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
      })).catch(() => null);
      if (shown) {
        if (state === 'attached' && shown.length > 0) return;
        if (state === 'detached' && shown.length === 0) return;
        if (state === 'visible' && shown.some(Boolean)) return;
        if (state === 'hidden' && !shown.some(Boolean)) return;
      }
      if (Date.now() > end) throw new Error(`${describeTarget(target)} was not ${state} within ${options.timeout ?? TIMEOUT} ms`);
      await sleep(50);
    }
  }

  async click(target: Target): Promise<void> {
    await this.p.click(await this.one(target, { visible: true }));
  }
  async focus(target: Target): Promise<void> {
    await (await this.one(target)).evaluate((el: HTMLElement) => el.focus());
  }
  /** Replaces the field's text as a paste would (one input event), like Playwright's fill. */
  async fill(target: Target, text: string): Promise<void> {
    const element = await this.one(target, { visible: true });
    await this.p.focusTab();
    const result = (await element.evaluate((async (el: HTMLInputElement, value: string) => {
      // The document may get the focus a moment after its tab does.
      for (let i = 0; i < 40 && !(document.hasFocus() && el.matches(':focus')); i += 1) {
        el.focus();
        if (!(document.hasFocus() && el.matches(':focus'))) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      el.select();
      document.execCommand(value ? 'insertText' : 'delete', false, value);
      return { value: el.value, focused: el.matches(':focus'), documentFocused: document.hasFocus() };
    }) as never, text)) as { value: string; focused: boolean; documentFocused: boolean };
    if (result.value !== text) {
      throw new Error(`Could not fill ${describeTarget(target)}: it holds "${result.value}" (focused: ${result.focused}, document focused: ${result.documentFocused})`);
    }
  }
  /** Types key by key, as a person does. */
  async type(target: Target, text: string): Promise<void> {
    await this.p.type(await this.one(target, { visible: true }), text);
  }
  /** Presses a key on whatever has focus. */
  press(key: string): Promise<void> {
    return this.p.press(key);
  }
  /** Chooses an option by its label, value or index; fires input and change as a person's choice does. */
  async select(target: Target, option: { label?: string; value?: string; index?: number }): Promise<void> {
    const element = await this.one(target, { visible: true });
    const ok = await element.evaluate((el: HTMLSelectElement, o: { label?: string; value?: string; index?: number }) => {
      const options = Array.from(el.options);
      const index =
        o.index ?? options.findIndex((opt) => (o.label !== undefined ? opt.label === o.label || opt.text.trim() === o.label : opt.value === o.value));
      if (index < 0 || index >= options.length) return false;
      el.focus();
      el.selectedIndex = index;
      el.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    }, option);
    if (!ok) throw new Error(`${describeTarget(target)} has no option ${JSON.stringify(option)}`);
  }
  /** Clicks a checkbox or radio if it is not already in the wanted state. */
  async setChecked(target: Target, checked: boolean): Promise<void> {
    if ((await this.isChecked(target)) !== checked) await this.click(target);
    if ((await this.isChecked(target)) !== checked) throw new Error(`${describeTarget(target)} did not become ${checked ? 'checked' : 'unchecked'}`);
  }
  async setInputFile(target: Target, file: { name: string; mimeType: string; contents: string }): Promise<void> {
    await this.p.setInputFile(await this.one(target), file);
  }

  /** axe-core on the page (or only inside `include` selectors): the serious and critical violations. */
  async axe(include?: string[]): Promise<AxeViolation[]> {
    await this.p.evaluate(AXE_SOURCE());
    const violations = (await this.p.evaluate(async (selectors: string[] | undefined) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, o: object): Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }> } }).axe;
      const context = selectors ? { include: selectors.map((s) => [s]) } : document;
      const result = await axe.run(context, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
    }, include)) as AxeViolation[];
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  private expr(target: Target): string {
    return `(${ENGINE})(${JSON.stringify(toWire(target))})`;
  }

  /** The one element `target` matches (visible, if asked), waiting up to the timeout. */
  private async one(target: Target, options: { visible?: boolean; timeout?: number } = {}): Promise<Handle> {
    const timeout = options.timeout ?? TIMEOUT;
    const end = Date.now() + timeout;
    // In the page: the element, or why not (a number of matches, or "hidden").
    const pick = `((els, visible) => {
      if (els.length !== 1) return els.length;
      const box = els[0].getBoundingClientRect();
      const shown = box.width > 0 && box.height > 0 && els[0].checkVisibility({ visibilityProperty: true });
      return !visible || shown ? els[0] : 'hidden';
    })(${this.expr(target)}, ${options.visible === true})`;
    let last = 'nothing matched';
    for (;;) {
      const found = await this.p.evaluateHandle(pick).catch((error: unknown) => {
        last = String(error);
        return null;
      });
      const element = found?.asElement();
      if (element) return element;
      if (found) {
        const why = await found.evaluate((v: unknown) => v);
        await found.dispose().catch(() => undefined);
        if (typeof why === 'number' && why > 1) throw new Error(`${describeTarget(target)} matches ${why} elements (strict: pick one with nth)`);
        last = why === 'hidden' ? 'it is not visible' : 'nothing matched';
      }
      if (Date.now() > end) throw new Error(`${describeTarget(target)}: ${last} within ${timeout} ms`);
      await sleep(50);
    }
  }
}

let axeSource: string | undefined;
const AXE_SOURCE = () => (axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
