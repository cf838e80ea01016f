import { formatBrl } from '@checkout/client';
import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useCourses } from '../courses';
import { useT } from '../i18n/language';
import { PageHeading } from '../page-heading';
import { CardStep, type SavedCard } from './checkout/card-step';
import { LeadStep } from './checkout/lead-step';
import { PayerStep } from './checkout/payer-step';

/**
 * The checkout: lead details, card (or PIX), payer. `?lead=<id>` (an id, no personal data) starts at the
 * card step for a lead already registered: the status page's "try another card" sends it.
 */
export default function Checkout() {
  const t = useT();
  const { params, query } = useRoute();
  const courseId = params.id ?? '';
  const courses = useCourses();
  const [leadId, setLeadId] = useState<string | undefined>(query.lead);
  const [card, setCard] = useState<SavedCard | 'pix'>();
  const [cardNotice, setCardNotice] = useState<string>();

  if (courses === undefined) return <p>{t.loading}</p>;
  if (courses === 'failed') return <p class="notice notice-error">{t.loadFailed}</p>;
  const course = courses.find(({ id }) => id === courseId);
  if (!course) return <PageHeading title={t.course.notFound}>{t.course.notFound}</PageHeading>;
  const amount = formatBrl(course.priceCents, t.lang);

  const title = t.checkout.title(course.title);
  return (
    <>
      <PageHeading title={`${title} · ${t.shopName}`} focus={false}>
        {title}
      </PageHeading>
      <p class="price">{amount}</p>
      {!leadId && <LeadStep courseId={courseId} onDone={setLeadId} />}
      {leadId && !card && (
        <CardStep
          notice={cardNotice}
          onDone={(saved) => {
            setCardNotice(undefined);
            setCard(saved);
          }}
          onPix={() => setCard('pix')}
        />
      )}
      {leadId && card && (
        <PayerStep
          leadId={leadId}
          courseId={courseId}
          card={card === 'pix' ? undefined : card}
          amount={amount}
          onCardRefused={(message) => {
            setCardNotice(message);
            setCard(undefined);
          }}
        />
      )}
    </>
  );
}
