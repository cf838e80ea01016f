import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

/** A pooled SMTP mailer; `smtpUrl` is e.g. smtp://user:pass@host:587. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 3,
  } as never);
  return {
    async send(email) {
      const info = await transport.sendMail({ from, ...email });
      return { messageId: String(info.messageId) };
    },
    close: () => transport.close(),
  };
}
