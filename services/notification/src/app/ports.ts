import type { RenderedEmail } from '../domain/templates/layout';

export interface EmailSender {
  send(email: RenderedEmail & { to: string }): Promise<{ messageId: string }>;
}

export interface SentEmailLog {
  record(sent: { eventId: string; template: string; to: string; messageId: string }): void;
}

export interface NotificationStore {
  /** Runs `work` unless this consumer already handled the event; the log commits with the inbox row. */
  handleOnce(
    eventId: string,
    consumer: string,
    work: (log: SentEmailLog) => Promise<void>,
  ): Promise<void>;
}

export interface NotificationSettings {
  publicUrl: string;
  language: 'pt-BR' | 'en';
}
