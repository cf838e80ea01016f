import { renderAccessGranted } from '../domain/templates/access-granted';
import { renderAccessLink } from '../domain/templates/access-link';
import { renderAccessWithdrawn } from '../domain/templates/access-withdrawn';
import { renderCheckoutDeclined } from '../domain/templates/checkout-declined';
import { renderCheckoutReceipt } from '../domain/templates/checkout-receipt';
import type { Language, RenderedEmail } from '../domain/templates/layout';
import { renderLeadReminder } from '../domain/templates/lead-reminder';
import { renderRefundIssued } from '../domain/templates/refund-issued';
import type { ActivationTokenOpener, EmailContent, NotificationSettings } from './ports';

/** Who gets the e-mail of a queued event. */
export function recipientOf(content: EmailContent): string {
  switch (content.template) {
    case 'access-granted':
    case 'access-link':
    case 'access-withdrawn':
      return content.data.student.email;
    case 'checkout-declined':
    case 'refund-issued':
      return content.data.payer.email;
    case 'checkout-receipt':
      return content.data.receipt.payer.email;
    case 'lead-reminder':
      return content.data.email;
  }
}

const coursePage = (publicUrl: string, courseId: string) =>
  `${publicUrl}/courses/${encodeURIComponent(courseId)}`;
const activationPage = (publicUrl: string, token: string) =>
  `${publicUrl}/activate?token=${encodeURIComponent(token)}`;

/**
 * Renders a queued e-mail just before it is sent, in the language of the person it is about (the
 * platform default when the event does not say): a sealed token is opened here and lives only in
 * the rendered e-mail, never in what was stored.
 */
export function composeEmail(
  content: EmailContent,
  settings: NotificationSettings,
  tokens: ActivationTokenOpener,
): RenderedEmail {
  const { publicUrl } = settings;
  const language: Language = content.data.language ?? settings.language;
  switch (content.template) {
    case 'access-granted': {
      const access = content.data;
      const token =
        access.sealedActivationToken && tokens.open(access.sealedActivationToken, access.studentId);
      const model = {
        studentName: access.student.name,
        email: access.student.email,
        courseTitle: access.courseTitle,
        portalUrl: `${publicUrl}/account`,
        ...(token && { activationUrl: activationPage(publicUrl, token) }),
      };
      return renderAccessGranted(model, language);
    }
    case 'access-link': {
      const link = content.data;
      const token = tokens.open(link.sealedToken, link.studentId);
      // The purpose is no secret; it lets the page say "choose a new password" for a reset.
      const reset = link.purpose === 'password-reset' ? '&purpose=password-reset' : '';
      const model = {
        studentName: link.student.name,
        email: link.student.email,
        purpose: link.purpose,
        url: `${activationPage(publicUrl, token)}${reset}`,
      };
      return renderAccessLink(model, language);
    }
    case 'checkout-declined': {
      const declined = content.data;
      const model = {
        payerName: declined.payer.name,
        courseTitle: declined.courseTitle,
        reason: declined.declineReason,
        retryUrl: coursePage(publicUrl, declined.courseId),
      };
      return renderCheckoutDeclined(model, language);
    }
    case 'checkout-receipt': {
      const { receipt, ...approved } = content.data;
      const model = {
        payerName: receipt.payer.name,
        maskedDocument: receipt.payer.maskedDocument,
        courseTitle: approved.courseTitle,
        amountCents: approved.amountCents,
        ...(approved.installments && { installments: approved.installments }),
        ...(approved.coupon && { coupon: approved.coupon }),
        ...(receipt.card && { card: receipt.card }),
        checkoutId: approved.checkoutId,
        approvedAt: new Date(receipt.approvedAt),
      };
      return renderCheckoutReceipt(model, language);
    }
    case 'access-withdrawn': {
      const refunded = content.data;
      const model = {
        studentName: refunded.student.name,
        courseTitle: refunded.courseTitle,
        portalUrl: `${publicUrl}/account`,
      };
      return renderAccessWithdrawn(model, language);
    }
    case 'refund-issued': {
      const refunded = content.data;
      const model = {
        payerName: refunded.payer.name,
        courseTitle: refunded.courseTitle,
        amountCents: refunded.amountCents,
        paymentMethod: refunded.paymentMethod,
        checkoutId: refunded.checkoutId,
      };
      return renderRefundIssued(model, language);
    }
    case 'lead-reminder': {
      const reminder = content.data;
      const model = {
        leadName: reminder.name,
        courseTitle: reminder.courseTitle,
        courseUrl: coursePage(publicUrl, reminder.courseId),
      };
      return renderLeadReminder(model, language);
    }
  }
}
