import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { api } from '../api';
import { CredentialFields } from '../forms/credential-fields';
import { signInRules } from '../forms/rules';
import { useFieldErrors } from '../forms/use-field-errors';
import { useSubmit } from '../forms/use-submit';
import { useT } from '../i18n/language';
import { PageHeading } from '../page-heading';
import { pagePaths } from '../page-paths';
import { keepAccessToken } from '../session';
import { RequestLinkForm } from './sign-in/request-link-form';

/** The back-off after wrong passwords, in whole minutes: seconds would read as a countdown. */
const minutesToWait = (response: Response) =>
  Math.max(1, Math.ceil((Number(response.headers.get('Retry-After')) || 60) / 60));

/** Sign in, or ask for a new link when the password or the access e-mail's link is lost. */
export default function SignIn() {
  const t = useT();
  const { route } = useLocation();
  const { query } = useRoute();
  const [askingForLink, setAskingForLink] = useState(false);
  const form = useFieldErrors(signInRules);
  const { sending, onSubmit } = useSubmit(form, async (_element, value) => {
    const { data: session, response } = await api.POST('/sessions', {
      body: { email: value('email'), password: value('password') },
    });
    if (response.status === 429)
      return form.setFormError(t.signIn.tooManyAttempts(minutesToWait(response)));
    if (!session) return form.setFormError(response.status === 401 ? t.signIn.wrong : t.loadFailed);
    keepAccessToken(session.accessToken);
    route(pagePaths.account);
  });

  return (
    <>
      <PageHeading title={`${t.signIn.title} · ${t.shopName}`}>{t.signIn.title}</PageHeading>
      {query.signedOut !== undefined && !askingForLink && (
        <p class="notice">{t.account.signedOut}</p>
      )}
      {askingForLink ? (
        <RequestLinkForm onBack={() => setAskingForLink(false)} />
      ) : (
        <form noValidate onSubmit={onSubmit}>
          {form.formError && <p class="notice notice-error">{form.formError}</p>}
          <CredentialFields form={form} />
          <button type="submit" disabled={sending}>
            {t.signIn.submit}
          </button>{' '}
          <button type="button" class="link-button" onClick={() => setAskingForLink(true)}>
            {t.signIn.forgot}
          </button>
        </form>
      )}
    </>
  );
}
