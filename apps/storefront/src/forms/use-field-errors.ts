import { fieldErrors, type ApiProblem } from '@checkout/client';
import { useState } from 'preact/hooks';
import { useAnnounce } from '../announcer';
import { useT } from '../i18n/language';
import type { FormValues, Rule } from './rules';

type FormField = HTMLInputElement | HTMLSelectElement;

/** The form's text values by name ('' for a missing one); read once, at the moment of asking. */
export const valuesOf =
  (form: HTMLFormElement): FormValues =>
  (name) => {
    const value = new FormData(form).get(name);
    return typeof value === 'string' ? value : '';
  };

const fieldsOf = (form: HTMLFormElement) =>
  Array.from(form.elements).filter(
    (element): element is FormField =>
      element instanceof HTMLInputElement || element instanceof HTMLSelectElement,
  );

/**
 * A form's errors by field name (the API's field paths): checked as the buyer leaves a field,
 * all at once on submit, or taken from the API's answer. On errors it says how many there are
 * and moves focus to the first invalid field.
 */
export function useFieldErrors(rules: Record<string, Rule>) {
  const t = useT();
  const announce = useAnnounce();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();

  const show = (form: HTMLFormElement, found: Record<string, string>) => {
    setErrors(found);
    const count = Object.keys(found).length;
    if (count === 0) return true;
    announce(t.checkout.fixErrors(count));
    // After the render that ties each error to its field, so the error is read with the field.
    setTimeout(
      () =>
        fieldsOf(form)
          .find((field) => field.name in found)
          ?.focus(),
      0,
    );
    return false;
  };

  return {
    errors,
    formError,
    setFormError: (message: string | undefined) => {
      setFormError(message);
      if (message) announce(message);
    },
    /** onBlur: checks the field the buyer leaves. */
    checkField: (event: FocusEvent) => {
      const field = event.currentTarget as FormField;
      if (!field.form) return;
      const message = rules[field.name]?.(field.value, valuesOf(field.form), t.rules);
      setErrors(({ [field.name]: _old, ...others }) =>
        message ? { ...others, [field.name]: message } : others,
      );
    },
    /** Checks every field; true when the form may be sent. */
    checkForm: (form: HTMLFormElement) => {
      setFormError(undefined);
      const values = valuesOf(form);
      const found: Record<string, string> = {};
      for (const [name, rule] of Object.entries(rules)) {
        const message = rule(values(name), values, t.rules);
        if (message) found[name] = message;
      }
      return show(form, found);
    },
    /** The API's field errors onto the fields; a problem naming no field of this form above it. */
    showProblem: (form: HTMLFormElement, problem: ApiProblem | undefined, fallback: string) => {
      const names = new Set(fieldsOf(form).map((field) => field.name));
      const all = fieldErrors(problem);
      const onFields = Object.fromEntries(Object.entries(all).filter(([name]) => names.has(name)));
      if (Object.keys(onFields).length > 0) show(form, onFields);
      else {
        setFormError(problem?.detail ?? fallback);
        announce(problem?.detail ?? fallback);
      }
    },
  };
}

export type FieldErrors = ReturnType<typeof useFieldErrors>;
