import { useT } from '../i18n/language';
import { Field } from './field';
import type { FieldErrors } from './use-field-errors';

/**
 * The e-mail and password a student signs in with. A new password (activation) shows its rules
 * and lets password managers offer one; an existing one lets them fill it in.
 */
export function CredentialFields({
  form,
  newPasswordRules,
}: {
  form: FieldErrors;
  newPasswordRules?: string;
}) {
  const t = useT();
  return (
    <>
      <Field
        name="email"
        label={t.fields.email}
        type="email"
        autocomplete="email"
        required
        error={form.errors.email}
        onBlur={form.checkField}
      />
      <Field
        name="password"
        label={t.fields.password}
        type="password"
        autocomplete={newPasswordRules ? 'new-password' : 'current-password'}
        required
        {...(newPasswordRules && { hint: newPasswordRules })}
        error={form.errors.password}
        onBlur={form.checkField}
      />
    </>
  );
}
