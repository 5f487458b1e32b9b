/**
 * Fields that save as the clerk types: a short pause, at most a moment of
 * continuous typing (see save-status.ts), leaving the field, or closing the
 * window sends the change. The server's message for a refused value appears
 * under the field, and the words stay as typed.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import type { Result } from '../../../shared/result';
import { flushSave, isSavePending, scheduleSave } from '../state/save-status';
import { forgetBox, growToFit } from './grow';
import { plainReason } from './save-words';

type Saver<T> = (value: T) => Promise<Result<unknown>>;

interface AutosaveOptions<T> {
  /** Pause before saving (ms); the save-status default when omitted. */
  delay?: number;
  onDraft?: (value: T) => void;
  /**
   * Text the clerk is typing in: while the field has focus, what they see
   * stays exactly as typed, even when a save's answer comes back normalised
   * (the service trims: taking "Members " back as "Members" would eat the
   * space just typed). The stored value is taken in on leaving the field.
   */
  holdWhileFocused?: boolean;
}

/** Failures worth trying again by themselves (the disk or the database), and how soon. */
const RETRIED_CODES = new Set(['storage', 'unavailable']);
const RETRY_AFTER_MS = 3000;

function useAutosave<T>(saveKey: string, value: T, onSave: Saver<T>, options: AutosaveOptions<T> = {}) {
  const [draft, setDraft] = useState<T>(value);
  const [error, setError] = useState<string | null>(null);
  // The clerk has typed here since the field last took in the store's value: keep the draft.
  const editing = useRef(false);
  const focused = useRef(false);
  // Counts keystrokes so a late answer for an older value never overwrites newer typing.
  const version = useRef(0);
  // The newest version stored; on leaving the field, words not stored stay on screen.
  const savedVersion = useRef(0);
  const onSaveRef = useRef(onSave);
  onSaveRef.current = onSave;
  const valueRef = useRef(value);
  valueRef.current = value;

  // Take in fresh values from the store unless the clerk is mid-edit here.
  useEffect(() => {
    if (!editing.current) setDraft(value);
  }, [value]);

  const change = (next: T) => {
    editing.current = true;
    const mine = ++version.current;
    setDraft(next);
    options.onDraft?.(next);
    scheduleSave(
      saveKey,
      async () => {
        const result = await onSaveRef.current(next);
        if (result.ok) savedVersion.current = Math.max(savedVersion.current, mine);
        if (mine !== version.current) return;
        setError(result.ok ? null : plainReason(result.error.message));
        // Words not saved stay in the field: a refused or stale save never replaces them with the stored copy.
        if (result.ok && !(options.holdWhileFocused && focused.current)) editing.current = false;
        // A disk that is full or failing, or a busy database, may recover: the same words are tried again
        // shortly, unless the clerk has typed since (that newer save goes instead).
        if (!result.ok && RETRIED_CODES.has(result.error.code)) {
          setTimeout(() => {
            if (mine === version.current) change(next);
          }, RETRY_AFTER_MS);
        }
      },
      options.delay,
    );
  };
  const onFocus = () => {
    focused.current = true;
  };
  const onBlur = () => {
    focused.current = false;
    if (isSavePending(saveKey)) {
      void flushSave(saveKey);
    } else if (editing.current && savedVersion.current === version.current) {
      // Everything typed is stored: show it as stored.
      editing.current = false;
      setDraft(valueRef.current);
    }
  };
  return { draft, error, change, onFocus, onBlur };
}

interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  error: string | null;
  children: ReactNode;
  className?: string;
}

function FieldFrame({ id, label, hint, error, children, className }: FieldFrameProps) {
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

interface TextProps {
  label: string;
  value: string;
  saveKey: string;
  onSave: Saver<string>;
  type?: 'text' | 'date' | 'time' | 'email';
  multiline?: boolean;
  hint?: string;
  placeholder?: string;
  className?: string;
  autoFocus?: boolean;
  testId?: string;
  /** Called on every keystroke (the live preview follows the typing); the save itself waits for a pause. */
  onDraft?: (value: string) => void;
  onKeyDown?: (event: ReactKeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  rows?: number;
  /** Marks the field as one the phrase bank (Ctrl+Space) can insert into. */
  phrases?: boolean;
  /** Shown and focusable, not typed into (words kept with a record, such as a confirmation's amendment). */
  readOnly?: boolean;
}

export function AutoText(props: TextProps) {
  const id = useId();
  const { draft, error, change, onFocus, onBlur } = useAutosave(props.saveKey, props.value, props.onSave, { onDraft: props.onDraft, holdWhileFocused: true });
  // A text box grows with its words (see grow.ts).
  const box = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => growToFit(box.current), [draft]);
  useLayoutEffect(() => {
    const shown = box.current;
    return () => forgetBox(shown);
  }, []);
  const described = error ? `${id}-error` : props.hint ? `${id}-hint` : undefined;
  const common = {
    id,
    value: draft,
    placeholder: props.placeholder,
    autoFocus: props.autoFocus,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    'data-testid': props.testId,
    'data-phrases': props.phrases && !props.readOnly ? 'true' : undefined,
    readOnly: props.readOnly,
    onFocus,
    onBlur,
    onKeyDown: props.onKeyDown,
  };
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error} className={props.multiline ? `field-text ${props.className ?? ''}` : props.className}>
      {props.multiline ? (
        <textarea {...common} ref={box} rows={props.rows ?? 2} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type={props.type ?? 'text'} onChange={(e) => change(e.target.value)} />
      )}
    </FieldFrame>
  );
}

interface NumberProps {
  label: string;
  value: number;
  saveKey: string;
  onSave: Saver<number>;
  min?: number;
  max?: number;
  hint?: string;
  className?: string;
}

export function AutoNumber(props: NumberProps) {
  const id = useId();
  const [localError, setLocalError] = useState<string | null>(null);
  const { draft, error, change, onFocus, onBlur } = useAutosave<string>(props.saveKey, String(props.value), (text) => props.onSave(Number(text)), {
    holdWhileFocused: true,
  });
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={localError ?? error} className={props.className}>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={props.min}
        max={props.max}
        value={draft}
        aria-invalid={localError || error ? true : undefined}
        aria-describedby={localError || error ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
        onFocus={onFocus}
        onBlur={onBlur}
        onChange={(e) => {
          const text = e.target.value;
          if (!/^\d+$/.test(text)) {
            setLocalError('Enter a whole number');
            return;
          }
          setLocalError(null);
          change(text);
        }}
      />
    </FieldFrame>
  );
}

interface SelectProps<T extends string | number> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  saveKey: string;
  onSave: Saver<T>;
  hint?: string;
  className?: string;
}

export function AutoSelect<T extends string | number>(props: SelectProps<T>) {
  const id = useId();
  const { draft, error, change } = useAutosave<T>(props.saveKey, props.value, props.onSave, { delay: 0 });
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} error={error} className={props.className}>
      <select
        id={id}
        value={String(draft)}
        onChange={(e) => {
          const option = props.options.find((o) => String(o.value) === e.target.value);
          if (option) change(option.value);
        }}
      >
        {props.options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxProps {
  label: string;
  value: boolean;
  saveKey: string;
  onSave: Saver<boolean>;
  className?: string;
}

export function AutoCheckbox(props: CheckboxProps) {
  const id = useId();
  const { draft, error, change } = useAutosave<boolean>(props.saveKey, props.value, props.onSave, { delay: 0 });
  return (
    <div className={`field field-checkbox ${props.className ?? ''}`}>
      <input id={id} type="checkbox" checked={draft} onChange={(e) => change(e.target.checked)} />
      <label htmlFor={id}>{props.label}</label>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
