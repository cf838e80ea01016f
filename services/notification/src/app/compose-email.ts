import { renderAccessGranted } from '../domain/templates/access-granted';
import { renderAccessLink } from '../domain/templates/access-link';
import { renderCheckoutDeclined } from '../domain/templates/checkout-declined';
import type { RenderedEmail } from '../domain/templates/layout';
import type { ActivationTokenOpener, EmailContent, NotificationSettings } from './ports';

/** Who gets the e-mail of a queued event. */
export const recipientOf = (content: EmailContent): string =>
  content.template === 'checkout-declined' ? content.data.payer.email : content.data.student.email;

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
  if (content.template === 'access-link') {
    const link = content.data;
    const token = tokens.open(link.sealedToken, link.studentId);
    // The purpose is no secret; it lets the page say "choose a new password" for a reset.
    const reset = link.purpose === 'password-reset' ? '&purpose=password-reset' : '';
    return renderAccessLink(
      {
        studentName: link.student.name,
        email: link.student.email,
        purpose: link.purpose,
        url: `${publicUrl}/activate?token=${encodeURIComponent(token)}${reset}`,
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
