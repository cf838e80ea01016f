import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import nodemailer from 'nodemailer';
import { inSpan } from '../tracing/trace-context';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Our own Message-ID, stable per business event, so a resend after a crash can be recognised. */
  messageId?: string;
  /** The trace the e-mail belongs to (its business event's): the send is a span of it. */
  traceparent?: string;
}

/**
 * What the SMTP server said. A refusal is permanent only when the server rejected this recipient
 * or this message with a 5xx; anything else (refused connection, timeout, 4xx, a failed login)
 * may pass and is worth trying again. `reason` names the code, never the server's text, which
 * can quote the address.
 */
export type SendResult =
  { sent: true; messageId: string } | { sent: false; permanent: boolean; reason: string };

export interface Mailer {
  send(email: OutgoingEmail): Promise<SendResult>;
  close(): void;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  permanent?: boolean;
}

const refusesRecipientOrMessage = new Set(['EENVELOPE', 'EMESSAGE']);

export function classifySendError(error: unknown): Extract<SendResult, { sent: false }> {
  const { code, responseCode, permanent } = (error ?? {}) as SmtpError;
  return {
    sent: false,
    permanent: permanent === true && refusesRecipientOrMessage.has(code ?? ''),
    reason: [code ?? 'EUNKNOWN', responseCode].filter(Boolean).join(' '),
  };
}

/**
 * Bounds of one SMTP exchange; whoever leases an e-mail for sending must allow longer. Short, so
 * that an e-mail leased by a process that died is free again soon.
 */
export const smtpTimeoutsMs = { connection: 5_000, greeting: 5_000, socket: 15_000 };

/** A pooled SMTP mailer; `smtpUrl` is e.g. smtp://user:pass@host:587. */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 3,
    connectionTimeout: smtpTimeoutsMs.connection,
    greetingTimeout: smtpTimeoutsMs.greeting,
    socketTimeout: smtpTimeoutsMs.socket,
  } as never);
  return {
    send: ({ traceparent, ...email }) =>
      inSpan('smtp send', { kind: SpanKind.CLIENT, traceparent }, async (span) => {
        const result = await transport
          .sendMail({ from, ...email })
          .then(
            (info): SendResult => ({ sent: true, messageId: String(info.messageId) }),
            classifySendError,
          );
        if (!result.sent) span.setStatus({ code: SpanStatusCode.ERROR, message: result.reason });
        return result;
      }),
    close: () => transport.close(),
  };
}
