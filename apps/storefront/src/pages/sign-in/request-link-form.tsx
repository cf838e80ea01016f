import { useState } from 'preact/hooks';
import { useAnnounce } from '../../announcer';
import { api } from '../../api';
import { Field } from '../../forms/field';
import { accessRequestRules } from '../../forms/rules';
import { useFieldErrors } from '../../forms/use-field-errors';
import { useSubmit } from '../../forms/use-submit';
import { useT } from '../../i18n/language';

/**
 * A student who lost their link or their password asks for a new one. The API answers the same
 * whether or not the address has an account, and so does this form.
 */
export function RequestLinkForm({ onBack }: { onBack: () => void }) {
  const t = useT();
  const announce = useAnnounce();
  const form = useFieldErrors(accessRequestRules);
  const [sent, setSent] = useState(false);
  const { sending, onSubmit } = useSubmit(form, async (element, value) => {
    const { response, error } = await api.POST('/access/requests', {
      body: { email: value('email') },
    });
    if (response.status === 429) return form.setFormError(t.signIn.tooManyRequests);
    if (error) return form.showProblem(element, error, t.loadFailed);
    form.setFormError(undefined);
    setSent(true);
    announce(t.signIn.linkSent);
  });

  return (
    <form noValidate onSubmit={onSubmit}>
      <h2>{t.signIn.forgot}</h2>
      <p>{t.signIn.requestIntro}</p>
      {sent && <p class="notice notice-success">{t.signIn.linkSent}</p>}
      {form.formError && <p class="notice notice-error">{form.formError}</p>}
      <Field
        name="email"
        label={t.fields.email}
        type="email"
        autocomplete="email"
        required
        error={form.errors.email}
        onBlur={form.checkField}
      />
      <button type="submit" disabled={sending}>
        {t.signIn.requestSubmit}
      </button>{' '}
      <button type="button" class="link-button" onClick={onBack}>
        {t.signIn.back}
      </button>
    </form>
  );
}
