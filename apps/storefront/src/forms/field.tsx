import { MaskInput, type MaskType } from 'maska';
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

type InputProps = Omit<
  JSX.InputHTMLAttributes<HTMLInputElement>,
  'name' | 'id' | 'label' | 'onBlur'
>;

export interface FieldProps extends InputProps {
  name: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  mask?: MaskType;
  onBlur?: (event: FocusEvent) => void;
  /** Renders a select with these options instead of an input. */
  options?: ComponentChildren;
}

export const fieldId = (name: string) => `field-${name.replace(/\W/g, '-')}`;

/**
 * A labelled input whose hint and error are tied to it (aria-describedby), and marked invalid
 * while its error shows, so a screen reader reads both when the field takes focus.
 */
export function Field({ name, label, error, hint, mask, options, onBlur, ...input }: FieldProps) {
  const id = fieldId(name);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!mask || !ref.current) return;
    const masked = new MaskInput(ref.current, { mask });
    return () => masked.destroy();
  }, [mask]);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');
  const shared = {
    id,
    name,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy || undefined,
  };
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{label}</label>
      {options ? (
        <select {...shared} required={input.required} onBlur={onBlur}>
          {options}
        </select>
      ) : (
        <input ref={ref} {...shared} {...input} onBlur={onBlur} />
      )}
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
