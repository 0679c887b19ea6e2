import { useCombobox, type UseComboboxState, type UseComboboxStateChangeOptions } from 'downshift';
import { format, parseISO } from 'date-fns';
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { choiceKey, findChoice, type ChoiceItem } from '@/lib/settings/choices';
import { FieldError, TextInput, describedBy } from './fields';

/**
 * A text field with type-ahead over the choices remembered from CalJOBS forms (an ARIA 1.2 combobox,
 * by Downshift's useCombobox). Any text may still be typed: a supervisor may set up before visiting a
 * form. Under the field it says when the text was last seen on CalJOBS, or that it was not seen yet.
 * Locked by policy, it is a read-only text field.
 */

/** "December 3, 2026" from "2026-12-03". */
export function seenOn(day: string): string {
  const date = parseISO(day);
  return Number.isNaN(date.getTime()) ? day : format(date, 'MMMM d, yyyy');
}

/** Most choices listed at once: type more to narrow down. */
const MAX_SHOWN = 100;

/** The items whose text holds every word typed (case and spacing aside); all of them when the text is a choice. */
export function filterChoices(items: readonly ChoiceItem[], typed: string): ChoiceItem[] {
  const words = choiceKey(typed).split(' ').filter(Boolean);
  if (words.length === 0 || findChoice(items, typed)) return [...items];
  return items.filter((item) => {
    const key = choiceKey(item.text);
    return words.every((word) => key.includes(word));
  });
}

const TYPES = useCombobox.stateChangeTypes;
/** What moves the list's highlight from the keyboard. */
const KEY_MOVES: ReadonlySet<string> = new Set([
  TYPES.InputKeyDownArrowDown,
  TYPES.InputKeyDownArrowUp,
  TYPES.InputKeyDownHome,
  TYPES.InputKeyDownEnd,
  TYPES.InputKeyDownPageUp,
  TYPES.InputKeyDownPageDown,
]);

/**
 * The picker's rules on top of Downshift's (a state reducer; `memory` lives as long as the field):
 * - typing after a pick forgets the pick, so that picking the same choice again is a pick again (and
 *   Downshift never puts a former pick back into the field: the field holds what was typed);
 * - leaving the field keeps what was typed, unless staff moved to a choice with the keyboard (arrows,
 *   Home, End, Page keys: then leaving picks it, as Downshift and the ARIA combobox pattern do).
 *   Downshift would otherwise put whatever choice is highlighted into the field, and a pointer merely
 *   resting on the open list highlights one: typed "LA0", the pointer over the list, Tab, and the field
 *   said "LA0300". A highlight past the end of the list (the list changed under it) picks nothing
 *   either; Downshift would have emptied the field.
 */
export function pickerRules(memory: { keyboardHighlight: boolean }) {
  return (state: UseComboboxState<ChoiceItem>, { type, changes }: UseComboboxStateChangeOptions<ChoiceItem>): Partial<UseComboboxState<ChoiceItem>> => {
    if (type === TYPES.InputChange) {
      memory.keyboardHighlight = false;
      return { ...changes, selectedItem: null };
    }
    if (KEY_MOVES.has(type)) memory.keyboardHighlight = true;
    else if (type === TYPES.ItemMouseMove || type === TYPES.MenuMouseLeave || type === TYPES.InputClick || type === TYPES.ToggleButtonClick) memory.keyboardHighlight = false;
    if (type === TYPES.InputBlur) {
      const byKeys = memory.keyboardHighlight;
      memory.keyboardHighlight = false;
      if (!byKeys || !changes.selectedItem) return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
    }
    return changes;
  };
}

export interface ChoicePickerProps {
  id: string;
  label: string;
  value: string;
  items: readonly ChoiceItem[];
  error: string | undefined;
  locked: boolean;
  /** Always shown under the field (format, an example). */
  hint: ReactNode;
  /** Said when the text is a remembered choice. */
  seenNote: (item: ChoiceItem) => string;
  /** Said when the text is not empty and matches no remembered choice (nothing when undefined). */
  unseenNote?: string;
  /** Said when no list has been remembered yet. */
  emptyNote: string;
  /** Secondary text of an option in the list. */
  describeItem: (item: ChoiceItem) => string;
  inputRef: (element: HTMLInputElement | null) => void;
  onChange: (value: string) => void;
  /** A choice was picked from the list (after onChange). */
  onPick?: (item: ChoiceItem) => void;
  onBlur: () => void;
}

export function ChoicePicker(props: ChoicePickerProps) {
  if (props.locked) {
    return (
      <TextInput
        id={props.id}
        label={props.label}
        hint={props.hint}
        value={props.value}
        error={undefined}
        locked
        inputRef={props.inputRef}
        onChange={() => undefined}
        onBlur={() => undefined}
      />
    );
  }
  return <Combobox {...props} />;
}

function Combobox(props: ChoicePickerProps) {
  const { id, label, value, items, error } = props;
  const shown = filterChoices(items, value);
  const listed = shown.slice(0, MAX_SHOWN);
  const [rules] = useState(() => pickerRules({ keyboardHighlight: false }));
  const { isOpen, highlightedIndex, getLabelProps, getInputProps, getMenuProps, getItemProps, getToggleButtonProps } = useCombobox<ChoiceItem>({
    id: `${id}-picker`,
    inputId: id,
    items: listed,
    inputValue: value,
    stateReducer: rules,
    itemToString: (item) => item?.text ?? '',
    itemToKey: (item) => (item ? choiceKey(item.text) : null),
    // Typing reaches the form in the input event itself (below), so React never puts the old text
    // back while Downshift's change callback is pending (that moved the caret); picks arrive here.
    onInputValueChange: ({ type, inputValue }) => {
      if (type !== useCombobox.stateChangeTypes.InputChange) props.onChange(inputValue ?? '');
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) props.onPick?.(selectedItem);
    },
  });

  const match = findChoice(items, value);
  const noteId = `${id}-seen`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  let note: ReactNode = null;
  if (match) note = <p id={noteId} className="seen-note">{props.seenNote(match)}</p>;
  else if (value.trim() && props.unseenNote) {
    note = (
      <p id={noteId} className="unseen-note">
        <span className="note-word">Note:</span> {props.unseenNote}
      </p>
    );
  } else if (items.length === 0) note = <p id={noteId} className="seen-note">{props.emptyNote}</p>;

  return (
    <div className={`field field-picker${error ? ' field-invalid' : ''}`}>
      <label {...getLabelProps()}>{label}</label>
      <div className="picker-row">
        <input
          {...getInputProps({
            ref: props.inputRef,
            name: id,
            type: 'text',
            autoComplete: 'off',
            spellCheck: false,
            'aria-invalid': error ? true : undefined,
            // Open with nothing to offer is closed, for assistive technology too.
            'aria-expanded': isOpen && listed.length > 0,
            'aria-describedby': describedBy(error && errorId, note !== null && noteId, hintId),
            onBlur: props.onBlur,
            onChange: (event: ChangeEvent<HTMLInputElement>) => props.onChange(event.target.value),
          })}
        />
        <button
          type="button"
          className="picker-toggle secondary"
          {...getToggleButtonProps({ tabIndex: -1, disabled: items.length === 0, 'aria-label': `Show the ${label} choices seen on CalJOBS` })}
        >
          <span aria-hidden="true">▾</span>
        </button>
      </div>
      <ul {...getMenuProps({ 'aria-label': `${label}: choices seen on CalJOBS` })} className="picker-menu" hidden={!isOpen || listed.length === 0}>
        {isOpen &&
          listed.map((item, index) => (
            <li
              key={choiceKey(item.text)}
              className={`picker-option${highlightedIndex === index ? ' picker-option-active' : ''}`}
              {...getItemProps({ item, index })}
            >
              <span className="picker-text">{item.text}</span>
              <span className="picker-detail">{props.describeItem(item)}</span>
            </li>
          ))}
      </ul>
      {isOpen && shown.length > listed.length && (
        <p className="hint">
          Showing {listed.length} of {shown.length} choices: type more to narrow them down.
        </p>
      )}
      <FieldError id={errorId} error={error} />
      {note}
      <p id={hintId} className="hint">
        {props.hint}
      </p>
    </div>
  );
}
