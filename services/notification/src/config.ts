import type { EnvironmentReader } from '@checkout/service-kit';
import { languages } from '@checkout/contracts';
import type { NotificationSettings } from './app/ports';
import { defaultRetryPolicy, type RetryPolicy } from './domain/retry-schedule';

const seconds = (ms: number) => ms / 1000;

export interface NotificationConfig {
  /** The From of every e-mail, handed to the mailer. */
  mailFrom: string;
  settings: NotificationSettings;
}

/**
 * Notification settings from the environment; read by both composition roots. `publicUrl` is the
 * fallback for PUBLIC_URL where a root has one (the embedded platform knows its own address).
 */
export function readNotificationConfig(
  env: EnvironmentReader,
  fallback: { publicUrl?: string } = {},
): NotificationConfig {
  return {
    mailFrom: env.mailbox('MAIL_FROM', 'Cursos <no-reply@checkout.local>'),
    settings: {
      publicUrl: env.url('PUBLIC_URL', fallback.publicUrl).replace(/\/$/, ''),
      language: env.oneOf('EMAIL_LANGUAGE', languages, 'pt-BR'),
      retry: readRetryPolicy(env),
    },
  };
}

/** EMAIL_RETRY_*: how e-mails that could not be sent are retried. */
function readRetryPolicy(env: EnvironmentReader): RetryPolicy {
  const firstDelay = env.integer(
    'EMAIL_RETRY_FIRST_DELAY_SECONDS',
    seconds(defaultRetryPolicy.firstDelayMs),
  );
  const maxDelay = env.integer(
    'EMAIL_RETRY_MAX_DELAY_SECONDS',
    seconds(defaultRetryPolicy.maxDelayMs),
  );
  const horizon = env.integer('EMAIL_RETRY_HORIZON_SECONDS', seconds(defaultRetryPolicy.horizonMs));
  // A zero delay would retry in a tight loop; one second is the least.
  return {
    firstDelayMs: Math.max(1, firstDelay) * 1000,
    maxDelayMs: Math.max(1, firstDelay, maxDelay) * 1000,
    horizonMs: horizon * 1000,
  };
}
