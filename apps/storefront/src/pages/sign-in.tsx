import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Field } from '../forms/field';
import { signInRules } from '../forms/rules';
import { useFieldErrors, valuesOf } from '../forms/use-field-errors';
import { useT } from '../i18n/language';
import { PageHeading } from '../page-heading';
import { pagePaths } from '../page-paths';
import { keepAccessToken } from '../session';

export default function SignIn() {
  const t = useT();
  const { route } = useLocation();
  const form = useFieldErrors(signInRules);
  const [sending, setSending] = useState(false);

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const element = event.currentTarget as HTMLFormElement;
    if (sending || !form.checkForm(element)) return;
    const value = valuesOf(element);
    setSending(true);
    try {
      const { data: session, response } = await api.POST('/sessions', {
        body: { email: value('email'), password: value('password') },
      });
      if (session) {
        keepAccessToken(session.accessToken);
        return route(pagePaths.account);
      }
      form.setFormError(response.status === 401 ? t.signIn.wrong : t.loadFailed);
    } catch {
      form.setFormError(t.loadFailed);
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <PageHeading title={`${t.signIn.title} · ${t.shopName}`}>{t.signIn.title}</PageHeading>
      <form noValidate onSubmit={(event) => void submit(event)}>
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
        <Field
          name="password"
          label={t.fields.password}
          type="password"
          autocomplete="current-password"
          required
          error={form.errors.password}
          onBlur={form.checkField}
        />
        <button type="submit" disabled={sending}>
          {t.signIn.submit}
        </button>
      </form>
    </>
  );
}
