import { languages, type Language } from '@checkout/contracts';
import type { EnvironmentReader } from '@checkout/service-kit';

/**
 * Marketing settings from the environment; read by both composition roots. The embedded platform
 * passes the language it already read for notification, so EMAIL_LANGUAGE is read once.
 */
export function readMarketingConfig(env: EnvironmentReader, known: { language?: Language } = {}) {
  return {
    /** A lead still open this long after it was registered gets its one reminder. */
    leadReminderDelayMs: env.integer('LEAD_REMINDER_DELAY_SECONDS', 172_800) * 1000,
    /** The language of a lead that names none and whose browser prefers none we write in. */
    defaultLanguage: known.language ?? env.oneOf('EMAIL_LANGUAGE', languages, 'pt-BR'),
  };
}
