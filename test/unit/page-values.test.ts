// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAUSE_MS, VALUES_EVENT, WATCH_EVENT, valuesOf, watchPageValues } from '@/lib/controller/page-values';

/**
 * The page world's watch of the form's values (lib/controller/page-values.ts): it starts only when the
 * assistant asks; it tells the assistant when a script wrote a control's value (through the page's
 * setters, attributes or a reset), once per task and only when a value changed; typed text once staff
 * pause; and it leaves the page's setters as they were when it stops. (A native select's own `value`
 * and `selectedIndex` setters are tested in real browsers, live-checks.e2e.ts: happy-dom's select is a
 * proxy that does not go through its prototype's setters.)
 */
let watch: AbortController;
let told: number;
const count = () => (told += 1);
/** The browser's own setters, kept before the watch wraps them: typing, and a page that kept them aside. */
const browsersValueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
const original = () =>
  [
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value'),
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'checked'),
    Object.getOwnPropertyDescriptor(HTMLOptionElement.prototype, 'selected'),
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value'),
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'setRangeText'),
  ].map((d) => d?.set ?? d?.value);

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = `<form id="form">
    <input id="date" value="">
    <input id="hf" type="hidden" value="">
    <select id="region"><option value="">-- Select --</option><option value="12">Los Angeles County</option></select>
    <input id="yes" type="radio" name="v"><input id="no" type="radio" name="v">
    <input id="box" type="checkbox"><textarea id="notes"></textarea>
  </form><input id="elsewhere">`;
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
const ask = () => document.dispatchEvent(new CustomEvent(WATCH_EVENT));
/** The end of the page script's task: the watch's microtask has run. */
const endOfTask = () => vi.advanceTimersByTimeAsync(0);

describe("the page world's watch of the form's values", () => {
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

  it('does nothing until the assistant asks, then tells every write a script makes, by any way, at the end of its task', async () => {
    $<HTMLInputElement>('hf').value = '4411';
    await vi.advanceTimersByTimeAsync(PAUSE_MS * 3);
    expect(told).toBe(0); // not asked: nothing wrapped, nothing told
    ask();
    const ways: Array<[string, () => void]> = [
      ['a text box', () => ($<HTMLInputElement>('date').value = '08/08/2015')],
      ['a hidden field (a lookup or a combo box)', () => ($<HTMLInputElement>('hf').value = '5512')],
      ['a radio', () => ($<HTMLInputElement>('yes').checked = true)],
      ['a check box', () => ($<HTMLInputElement>('box').checked = true)],
      ['a text area', () => ($<HTMLTextAreaElement>('notes').value = 'x')],
      ["an option's selected", () => ($<HTMLSelectElement>('region').options[1]!.selected = true)],
      ['the value attribute of a box not typed in', () => $<HTMLInputElement>('elsewhere').setAttribute('value', 'y')],
      ['setRangeText', () => $<HTMLInputElement>('date').setRangeText('09', 0, 2)],
    ];
    for (const [way, write] of ways) {
      const before = told;
      write();
      expect(told, way).toBe(before); // not in the middle of the page's script
      await endOfTask();
      expect(told, way).toBe(before + 1);
    }
  });

  it('tells once per task however many writes, and nothing when a write leaves the value as it was', async () => {
    ask();
    const date = $<HTMLInputElement>('date');
    for (const text of ['0', '08', '08/', '08/08/2015']) date.value = text;
    $<HTMLSelectElement>('region').options[1]!.selected = true;
    await endOfTask();
    expect(told).toBe(1);
    date.value = '08/08/2015'; // the same value again
    $<HTMLInputElement>('box').checked = false; // already unchecked
    await endOfTask();
    expect(told).toBe(1);
    date.value = 'x';
    date.value = '08/08/2015'; // changed and changed back within the task: nothing to tell
    await endOfTask();
    expect(told).toBe(1);
  });

  it("the page's setters still do what they did: the value is written, and a setter's error still reaches the page", async () => {
    ask();
    const date = $<HTMLInputElement>('date');
    date.value = '08/08/2015';
    expect(date.value).toBe('08/08/2015');
    watch.abort();
    // A browser whose setter throws (as valueAsDate does on a text box): the page's script gets its error.
    const browsers = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!;
    const fail = () => {
      throw new DOMException('not for this box', 'InvalidStateError');
    };
    Object.defineProperty(HTMLInputElement.prototype, 'value', { ...browsers, set: fail });
    try {
      watch = new AbortController();
      watchPageValues(window, watch.signal);
      ask();
      expect(Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set).not.toBe(fail); // wrapped
      expect(() => (date.value = 'x')).toThrow('not for this box');
      await endOfTask();
      expect(told).toBe(1); // the write that failed is not told
    } finally {
      watch.abort();
      Object.defineProperty(HTMLInputElement.prototype, 'value', browsers);
    }
  });

  it('typing is told once, at the pause; leaving the field (change) is read by the assistant at once, so the pause is not told', async () => {
    ask();
    const date = $<HTMLInputElement>('date');
    for (let key = 1; key <= 10; key += 1) {
      browsersValueSetter.call(date, '08/08/2015'.slice(0, key)); // the browser types: not the page's setter
      date.dispatchEvent(new Event('input', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(150); // a key every 150 ms
    }
    expect(told).toBe(0);
    await vi.advanceTimersByTimeAsync(PAUSE_MS * 2); // 400 to 800 ms after the last key
    expect(told).toBe(1);
    browsersValueSetter.call(date, '08/09/2015');
    date.dispatchEvent(new Event('input', { bubbles: true }));
    date.dispatchEvent(new Event('change', { bubbles: true })); // tab: the assistant reads at its change
    await vi.advanceTimersByTimeAsync(PAUSE_MS * 2);
    expect(told).toBe(1);
    browsersValueSetter.call(date, '08/09/201'); // one key, then a pause: told PAUSE_MS after it
    date.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(PAUSE_MS - 1);
    expect(told).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(told).toBe(2);
  });

  it('only the first key of a run of typing is heard; keys in another field meanwhile are in what is told at the pause', async () => {
    ask();
    const date = $<HTMLInputElement>('date');
    const notes = $<HTMLTextAreaElement>('notes');
    const textareaValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
    const listening = vi.spyOn(document, 'addEventListener');
    for (let key = 1; key <= 10; key += 1) {
      browsersValueSetter.call(date, '08/08/2015'.slice(0, key));
      date.dispatchEvent(new Event('input', { bubbles: true }));
      await vi.advanceTimersByTimeAsync(25);
    }
    textareaValue.call(notes, 'a note typed at once'); // staff went on in another box before the pause
    notes.dispatchEvent(new Event('input', { bubbles: true }));
    expect(listening.mock.calls.filter(([type]) => type === 'input')).toHaveLength(0); // not listened again while waiting
    await vi.advanceTimersByTimeAsync(PAUSE_MS * 2);
    expect(told).toBe(1); // one message, with both boxes' text compared
    expect(listening.mock.calls.filter(([type]) => type === 'input')).toHaveLength(1); // the next key is listened for again
    textareaValue.call(notes, 'a note typed at once, and more');
    notes.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.advanceTimersByTimeAsync(PAUSE_MS * 2);
    expect(told).toBe(2);
    listening.mockRestore();
  });

  it('a form reset, and a write no setter saw (found when staff move to another field or back to the window)', async () => {
    ask();
    $<HTMLInputElement>('date').value = '08/08/2015';
    await endOfTask();
    expect(told).toBe(1);
    $<HTMLFormElement>('form').reset();
    await vi.advanceTimersByTimeAsync(10);
    expect(told).toBe(2);
    browsersValueSetter.call($<HTMLInputElement>('date'), '4411'); // a page that kept the setter aside
    await vi.advanceTimersByTimeAsync(PAUSE_MS * 3);
    expect(told).toBe(2);
    $('notes').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    expect(told).toBe(3);
    browsersValueSetter.call($<HTMLInputElement>('date'), '5512');
    window.dispatchEvent(new FocusEvent('focus')); // back from a lookup window
    expect(told).toBe(4);
  });

  it('a second copy (the extension reloaded) starts nothing while the first watches; stopping puts the setters back', async () => {
    const before = original();
    ask();
    expect(original()).not.toEqual(before);
    const second = new AbortController();
    watchPageValues(window, second.signal);
    ask();
    $<HTMLInputElement>('date').value = '1';
    await endOfTask();
    expect(told).toBe(1); // told once, not twice
    second.abort();
    watch.abort();
    expect(original()).toEqual(before);
    $<HTMLInputElement>('date').value = '2';
    $('date').setAttribute('value', '3');
    window.dispatchEvent(new FocusEvent('focus'));
    await vi.advanceTimersByTimeAsync(PAUSE_MS * 3);
    expect(told).toBe(1);
    const third = new AbortController();
    watchPageValues(window, third.signal); // the mark went with the first copy: a new copy watches
    ask();
    $<HTMLInputElement>('date').value = '4';
    await endOfTask();
    expect(told).toBe(2);
    third.abort();
  });
});
