// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { POLL_EVENT, POLL_MS, VALUES_EVENT, valuesOf, watchPageValues } from '@/lib/controller/page-values';

/**
 * The page world's poll (lib/controller/page-values.ts): it starts only when the assistant asks, tells
 * the assistant only when a control's value changed, and says nothing while staff type (their text is
 * read at the pause).
 */
let watch: AbortController;
let told: number;
const count = () => (told += 1);

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = `<form>
    <input id="date" value="">
    <input id="hf" type="hidden" value="">
    <select id="region"><option value="">-- Select --</option><option value="12">Los Angeles County</option></select>
    <input id="yes" type="radio" name="v"><input id="no" type="radio" name="v">
    <input id="box" type="checkbox"><textarea id="notes"></textarea>
  </form>`;
  told = 0;
  document.addEventListener(VALUES_EVENT, count);
  watch = new AbortController();
  watchPageValues(window, watch.signal);
});

afterEach(() => {
  watch.abort();
  document.removeEventListener(VALUES_EVENT, count);
  vi.useRealTimers();
});

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ask = () => document.dispatchEvent(new CustomEvent(POLL_EVENT));

describe("the page world's poll", () => {
  it('sees every kind of control change: text, hidden, select, radio, checkbox, textarea', () => {
    const changes: Array<() => void> = [
      () => ($<HTMLInputElement>('date').value = '08/08/2015'),
      () => ($<HTMLInputElement>('hf').value = '4411'),
      () => ($<HTMLSelectElement>('region').value = '12'),
      () => ($<HTMLInputElement>('yes').checked = true),
      () => ($<HTMLInputElement>('no').checked = true),
      () => ($<HTMLInputElement>('box').checked = true),
      () => ($<HTMLTextAreaElement>('notes').value = 'x'),
    ];
    let before = valuesOf(document);
    for (const change of changes) {
      change();
      const after = valuesOf(document);
      expect(after).not.toEqual(before);
      before = after;
    }
  });

  it('does nothing until the assistant asks, then tells once per change, and nothing when nothing changed', () => {
    $<HTMLInputElement>('hf').value = '4411'; // a script's write, no event
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(told).toBe(0); // not asked: no poll at all
    ask();
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(told).toBe(0); // what it first saw is what the assistant read
    $<HTMLSelectElement>('region').value = '12';
    vi.advanceTimersByTime(POLL_MS);
    expect(told).toBe(1);
    vi.advanceTimersByTime(POLL_MS * 5);
    expect(told).toBe(1);
    ask(); // asked again (a postback re-rendered the form): still one poll
    $<HTMLInputElement>('date').value = '08/08/2015';
    vi.advanceTimersByTime(POLL_MS);
    expect(told).toBe(2);
  });

  it('says nothing while keys come; the text is told at the first poll after a whole period without a key', () => {
    ask();
    const date = $<HTMLInputElement>('date');
    for (let key = 1; key <= 10; key += 1) {
      date.value = '08/08/2015'.slice(0, key);
      date.dispatchEvent(new Event('input', { bubbles: true }));
      vi.advanceTimersByTime(150); // a key every 150 ms for 1.5 s: three polls fall in it
    }
    expect(told).toBe(0);
    vi.advanceTimersByTime(POLL_MS * 2);
    expect(told).toBe(1);
  });

  it('stops with its signal, and a second copy (the extension reloaded) starts no second poll', () => {
    ask();
    const second = new AbortController();
    watchPageValues(window, second.signal);
    ask();
    $<HTMLInputElement>('date').value = '1';
    vi.advanceTimersByTime(POLL_MS);
    expect(told).toBe(1); // told once, not twice
    watch.abort();
    second.abort();
    $<HTMLInputElement>('date').value = '2';
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(told).toBe(1);
  });

  it('a second copy polls when the first one no longer runs (its mark left behind, grown old)', () => {
    ask();
    vi.advanceTimersByTime(POLL_MS);
    // The first copy's page script gone without a word, its mark still on the document.
    const mark = Symbol.for('caljobs-assistant-values');
    watch.abort();
    (document as unknown as Record<symbol, number>)[mark] = performance.now();
    vi.advanceTimersByTime(POLL_MS * 4);
    const second = new AbortController();
    watchPageValues(window, second.signal);
    ask();
    $<HTMLInputElement>('date').value = '1';
    vi.advanceTimersByTime(POLL_MS);
    expect(told).toBe(1);
    second.abort();
    $<HTMLInputElement>('date').value = '2';
    vi.advanceTimersByTime(POLL_MS * 3);
    expect(told).toBe(1);
  });
});
