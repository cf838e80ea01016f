import { readEnvironment } from '@checkout/service-kit';

export type PlatformConfig = ReturnType<typeof readPlatformConfig>;

export function readPlatformConfig(env: NodeJS.ProcessEnv = process.env) {
  const read = readEnvironment(env);
  const port = read.integer('PORT', 8080);
  return read.done({
    port,
    /** A PostgreSQL to use instead of the embedded one. */
    databaseUrl: read.optionalUrl('DATABASE_URL'),
    /** A real SMTP server to use instead of the built-in sink. */
    smtpUrl: read.optionalUrl('SMTP_URL'),
    smtpSinkPort: read.integer('SMTP_SINK_PORT', 1025),
    publicUrl: read.url('PUBLIC_URL', `http://localhost:${port}`).replace(/\/$/, ''),
    dataDir: read.string('DATA_DIR', '.data'),
    mailFrom: read.string('MAIL_FROM', 'Cursos <no-reply@checkout.local>'),
    emailLanguage:
      read.string('EMAIL_LANGUAGE', 'pt-BR') === 'en' ? ('en' as const) : ('pt-BR' as const),
    /** `id:base64,...`; by default a key is made once and kept under DATA_DIR. */
    cardEncryptionKeys: read.optionalString('CARD_ENCRYPTION_KEYS'),
    cardTtlSeconds: read.integer('CARD_TTL_SECONDS', 3600),
    /** A charge with no answer for this long is driven on by financial's sweeper. */
    chargeStuckAfterSeconds: read.integer('CHARGE_STUCK_AFTER_SECONDS', 120),
  });
}
