import { renderAccessGranted } from '../domain/templates/access-granted';
import { renderCheckoutDeclined } from '../domain/templates/checkout-declined';
import { renderCheckoutReceipt } from '../domain/templates/checkout-receipt';
import type { RenderedEmail } from '../domain/templates/layout';
import { renderLeadReminder } from '../domain/templates/lead-reminder';
import type { ActivationTokenOpener, EmailContent, NotificationSettings } from './ports';

/** Who gets the e-mail of a queued event. */
export function recipientOf(content: EmailContent): string {
  switch (content.template) {
    case 'access-granted':
      return content.data.student.email;
    case 'checkout-declined':
      return content.data.payer.email;
    case 'lead-reminder':
      return content.data.email;
    case 'checkout-receipt':
      return content.data.receipt.payer.email;
  }
}

/**
 * Renders a queued e-mail just before it is sent, in the language of the person it is about (the
 * platform default when the event does not say): the activation token is opened here and lives
 * only in the rendered e-mail, never in what was stored.
 */
export function composeEmail(
  content: EmailContent,
  settings: NotificationSettings,
  tokens: ActivationTokenOpener,
): RenderedEmail {
  const { publicUrl } = settings;
  const language = content.data.language ?? settings.language;
  if (content.template === 'lead-reminder') {
    const reminder = content.data;
    return renderLeadReminder(
      {
        leadName: reminder.name,
        courseTitle: reminder.courseTitle,
        courseUrl: `${publicUrl}/courses/${encodeURIComponent(reminder.courseId)}`,
      },
      language,
    );
  }
  if (content.template === 'checkout-declined') {
    const declined = content.data;
    return renderCheckoutDeclined(
      {
        payerName: declined.payer.name,
        courseTitle: declined.courseTitle,
        reason: declined.declineReason,
        retryUrl: `${publicUrl}/courses/${encodeURIComponent(declined.courseId)}`,
      },
      language,
    );
  }
  if (content.template === 'checkout-receipt') {
    const { receipt, ...approved } = content.data;
    return renderCheckoutReceipt(
      {
        payerName: receipt.payer.name,
        maskedDocument: receipt.payer.maskedDocument,
        courseTitle: approved.courseTitle,
        amountCents: approved.amountCents,
        cardBrand: receipt.card.brand,
        cardLast4: receipt.card.last4,
        checkoutId: approved.checkoutId,
        approvedAt: new Date(receipt.approvedAt),
      },
      language,
    );
  }
  const access = content.data;
  const token =
    access.sealedActivationToken && tokens.open(access.sealedActivationToken, access.studentId);
  return renderAccessGranted(
    {
      studentName: access.student.name,
      email: access.student.email,
      courseTitle: access.courseTitle,
      portalUrl: `${publicUrl}/account`,
      ...(token && { activationUrl: `${publicUrl}/activate?token=${encodeURIComponent(token)}` }),
    },
    language,
  );
}
