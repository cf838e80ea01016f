import { formatBrl, installmentsLabel, type ApiSchemas } from '@checkout/client';
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { useAnnounce } from '../announcer';
import { api } from '../api';
import { useT } from '../i18n/language';
import { PageHeading } from '../page-heading';
import { linkTo } from '../page-paths';
import { PixPayment } from './pix-payment';

const pollEveryMs = 1000;
/** About two minutes; a card charge still processing then is left to the e-mail. */
const maxPolls = 120;
/** A PIX charge waits for its payer: polled until a minute past its expiry. */
const stillWaitingForPix = (checkout: Checkout | undefined) =>
  !!checkout?.pix && Date.now() < Date.parse(checkout.pix.expiresAt) + 60_000;

type Checkout = ApiSchemas['Checkout'];

/** Polls the checkout until it is approved or declined, and says what happened. */
function useCheckoutOutcome(id: string) {
  const [checkout, setCheckout] = useState<Checkout>();
  const [gaveUp, setGaveUp] = useState<'slow' | 'missing'>();
  useEffect(() => {
    let polls = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      polls++;
      try {
        const { data, response } = await api.GET('/checkouts/{id}', { params: { path: { id } } });
        if (stopped) return;
        if (data) setCheckout(data);
        if (data && data.status !== 'processing') return;
        if (response.status === 404) return setGaveUp('missing');
        if (stillWaitingForPix(data)) polls = 0;
      } catch {
        // A lost answer is polled past, like a 503.
      }
      if (polls >= maxPolls) return setGaveUp('slow');
      timer = setTimeout(() => void poll(), pollEveryMs);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id]);
  return { checkout, gaveUp };
}

/** The charge attempts as the acquirer answered them: number, outcome in words, time. */
function ChargeAttempts({ attempts }: { attempts: Checkout['attempts'] }) {
  const t = useT();
  const timeOf = (iso: string) =>
    new Intl.DateTimeFormat(t.lang, { timeStyle: 'medium' }).format(new Date(iso));
  return (
    <section aria-labelledby="charge-attempts">
      <h2 id="charge-attempts">{t.status.attempts}</h2>
      <ol>
        {attempts.map((attempt) => (
          <li key={attempt.number}>
            {t.status.attempt(attempt.number)}: {t.status.outcomes[attempt.outcome]}{' '}
            <time dateTime={attempt.at}>{timeOf(attempt.at)}</time>
          </li>
        ))}
      </ol>
    </section>
  );
}

export default function CheckoutStatus() {
  const t = useT();
  const announce = useAnnounce();
  const { params } = useRoute();
  const { checkout, gaveUp } = useCheckoutOutcome(params.id ?? '');
  const status = checkout?.status;

  useEffect(() => {
    if (status === 'approved') announce(`${t.status.approved} ${t.status.checkEmail}`);
    if (status === 'declined' && checkout?.declineReason) {
      announce(`${t.status.declined}. ${t.status.reasons[checkout.declineReason]}`);
    }
    // Said once, when the outcome arrives.
  }, [status]);

  return (
    <>
      <PageHeading title={`${t.status.title} · ${t.shopName}`}>{t.status.title}</PageHeading>
      {gaveUp === 'missing' && <p class="notice notice-error">{t.status.notFound}</p>}
      {gaveUp === 'slow' && <p class="notice">{t.status.slow}</p>}
      {!gaveUp && checkout?.pix && status === 'processing' && <PixPayment pix={checkout.pix} />}
      {!gaveUp && (!checkout || status === 'processing') && (
        <p class="notice" aria-busy="true">
          {t.status.processing}
        </p>
      )}
      {checkout && status === 'approved' && (
        <section class="notice notice-success">
          <h2>{t.status.approved}</h2>
          {checkout.installments.count > 1 && (
            <p>
              {t.status.paidIn(
                installmentsLabel(
                  checkout.installments.count,
                  checkout.installments.installmentCents,
                  t.lang,
                ),
                formatBrl(checkout.amountCents, t.lang),
              )}
            </p>
          )}
          <p>{t.status.checkEmail}</p>
        </section>
      )}
      {checkout && status === 'declined' && (
        <section class="notice notice-error">
          <h2>{t.status.declined}</h2>
          <p>{t.status.reasons[checkout.declineReason ?? 'processing_error']}</p>
          <a class="button" href={linkTo.checkout(checkout.courseId, checkout.leadId)}>
            {t.status.retry}
          </a>
        </section>
      )}
      {checkout && status === 'refunded' && (
        <section class="notice">
          <h2>{t.status.refunded}</h2>
          <p>{t.status.refundedText}</p>
        </section>
      )}
      {checkout && checkout.attempts.length > 0 && <ChargeAttempts attempts={checkout.attempts} />}
    </>
  );
}
