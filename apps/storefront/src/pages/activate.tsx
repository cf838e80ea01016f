import { fieldErrors } from '@checkout/client';
import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api } from '../api';
import { CredentialFields } from '../forms/credential-fields';
import { activationRules } from '../forms/rules';
import { useFieldErrors } from '../forms/use-field-errors';
import { useSubmit } from '../forms/use-submit';
import { useT } from '../i18n/language';
import { PageHeading } from '../page-heading';
import { keepAccessToken } from '../session';
import { pagePaths } from '../page-paths';

/**
 * The link of an access e-mail (activation) or of a password reset: the student sets a password,
 * then is signed in. POST /access/activate answers with no body, so the student also types the
 * e-mail the message went to, to sign in. `purpose=password-reset` only changes the words.
 */
export default function Activate() {
  const t = useT();
  const { query } = useRoute();
  const { route } = useLocation();
  const form = useFieldErrors(activationRules);
  const [linkRefused, setLinkRefused] = useState(!query.token);
  const reset = query.purpose === 'password-reset';
  const title = reset ? t.activate.resetTitle : t.activate.title;

  const { sending, onSubmit } = useSubmit(form, async (element, value) => {
    const password = value('password');
    const activation = await api.POST('/access/activate', {
      body: { token: query.token ?? '', password },
    });
    if (activation.error) {
      if (fieldErrors(activation.error).token) return setLinkRefused(true);
      return form.showProblem(element, activation.error, t.loadFailed);
    }
    const session = await api.POST('/sessions', { body: { email: value('email'), password } });
    if (!session.data) return form.setFormError(t.activate.activatedSignInFailed);
    keepAccessToken(session.data.accessToken);
    route(pagePaths.account);
  });

  return (
    <>
      <PageHeading title={`${title} · ${t.shopName}`}>{title}</PageHeading>
      {linkRefused ? (
        <p class="notice notice-error">
          {t.activate.invalidLink} <a href={pagePaths.signIn}>{t.signIn.title}</a>
        </p>
      ) : (
        <form noValidate onSubmit={onSubmit}>
          <p>{reset ? t.activate.resetIntro : t.activate.intro}</p>
          {form.formError && (
            <p class="notice notice-error">
              {form.formError} <a href={pagePaths.signIn}>{t.signIn.title}</a>
            </p>
          )}
          <CredentialFields form={form} newPasswordRules={t.activate.rules} />
          <button type="submit" disabled={sending}>
            {reset ? t.activate.resetSubmit : t.activate.submit}
          </button>
        </form>
      )}
    </>
  );
}
