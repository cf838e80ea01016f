import { useRef, useState } from 'preact/hooks';
import { useT } from '../i18n/language';
import type { FormValues } from './rules';
import { valuesOf, type FieldErrors } from './use-field-errors';

/**
 * A form's submit: its rules checked first, one request in flight at a time (a ref, not the
 * state, since a double click's second event comes before the re-render that disables the
 * button), and a request that could not reach the API shown as the form's error.
 */
export function useSubmit(
  form: FieldErrors,
  send: (element: HTMLFormElement, value: FormValues) => Promise<unknown>,
) {
  const t = useT();
  const inFlight = useRef(false);
  const [sending, setSending] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    if (inFlight.current || !form.checkForm(element)) return;
    inFlight.current = true;
    setSending(true);
    try {
      await send(element, valuesOf(element));
    } catch {
      form.setFormError(t.loadFailed);
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  };
  return { sending, onSubmit: (event: SubmitEvent) => void submit(event) };
}
