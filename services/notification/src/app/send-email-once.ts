import type { RenderedEmail } from '../domain/templates/layout';
import type { EmailSender, NotificationStore } from './ports';

export interface SendEmailDeps {
  store: NotificationStore;
  sender: EmailSender;
}

/**
 * Sends the e-mail for a business event once: the inbox row and the sent-e-mail log commit only
 * after the SMTP server accepted the message, and a failed send is retried.
 */
export async function sendEmailOnce(
  { store, sender }: SendEmailDeps,
  eventId: string,
  template: string,
  to: string,
  email: RenderedEmail,
): Promise<void> {
  await store.handleOnce(eventId, `notification.${template}`, async (log) => {
    const { messageId } = await sender.send({ to, ...email });
    log.record({ eventId, template, to, messageId });
  });
}
