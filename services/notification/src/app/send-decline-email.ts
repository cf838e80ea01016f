import type { CheckoutDeclined, EventData } from '@checkout/contracts';
import { renderCheckoutDeclined } from '../domain/templates/checkout-declined';
import type { NotificationSettings } from './ports';
import { sendEmailOnce, type SendEmailDeps } from './send-email-once';

export async function sendDeclineEmail(
  deps: SendEmailDeps & { settings: NotificationSettings },
  eventId: string,
  declined: EventData<typeof CheckoutDeclined>,
): Promise<void> {
  const email = renderCheckoutDeclined(
    {
      payerName: declined.payer.name,
      courseTitle: declined.courseTitle,
      reason: declined.declineReason,
      retryUrl: `${deps.settings.publicUrl}/courses/${encodeURIComponent(declined.courseId)}`,
    },
    deps.settings.language,
  );
  await sendEmailOnce(deps, eventId, 'checkout-declined', declined.payer.email, email);
}
