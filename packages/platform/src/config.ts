import { availableParallelism } from 'node:os';
import { readAcademicConfig } from '@checkout/academic';
import { readCardVaultConfig } from '@checkout/card-vault';
import { readFinancialConfig } from '@checkout/financial';
import { readMarketingConfig } from '@checkout/marketing';
import { readNotificationConfig } from '@checkout/notification';
import { readEnvironment } from '@checkout/service-kit';
import { readDataLocation } from './data-location';

export type PlatformConfig = ReturnType<typeof readPlatformConfig>;

/** The ports the platform listens on, by the setting that chooses each, and their defaults. */
const portDefaults = { PORT: 8080, METRICS_PORT: 9464, SMTP_SINK_PORT: 1025 };

/** The setting that chose `port`, for a start that finds it taken. */
export function portSetting(
  port: number,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const chosen = Object.entries(portDefaults).find(
    ([name, fallback]) => Number(env[name] || fallback) === port,
  );
  return chosen?.[0];
}

/** The platform's own settings and embedded defaults, then each service's own config. */
export function readPlatformConfig(env: NodeJS.ProcessEnv = process.env) {
  const read = readEnvironment(env);
  const port = read.integer('PORT', portDefaults.PORT);
  const config = {
    port,
    /** The public listener's address: this machine only, unless asked (0.0.0.0 in a container). */
    host: read.string('HOST', '127.0.0.1'),
    /** Prometheus's `/metrics`, on a port of its own (never the public one), on the same host. */
    metricsPort: read.integer('METRICS_PORT', portDefaults.METRICS_PORT),
    /**
     * Processes serving the platform, each with all six services: by default one per core. With
     * one (or 0), the platform runs in a single process, without a primary.
     */
    workers: Math.max(1, read.integer('PLATFORM_WORKERS', availableParallelism())),
    ...readDataLocation(read),
    /** A real SMTP server to use instead of the built-in sink. */
    smtpUrl: read.optionalUrl('SMTP_URL'),
    smtpSinkPort: read.integer('SMTP_SINK_PORT', portDefaults.SMTP_SINK_PORT),
    /** Other sites whose pages may call the API (CORS); none by default. */
    allowedOrigins: read.origins('ALLOWED_ORIGINS'),
    /** The proxies in front of the public listener that name the client; none by default. */
    proxyTrust: read.proxyTrust('TRUST_PROXY'),
    /** `id:base64,...`; by default a key is made once and kept under DATA_DIR. */
    cardEncryptionKeys: read.optionalString('CARD_ENCRYPTION_KEYS'),
    /** Seals activation tokens from academic to notification; made once under DATA_DIR by default. */
    activationTokenKeys: read.optionalString('ACTIVATION_TOKEN_KEYS'),
    /** The seller API's bearer key; by default one is made once and kept under DATA_DIR. */
    sellerApiKey: read.optionalString('SELLER_API_KEY'),
    /** Shared with the PIX provider, which signs its webhooks; made once under DATA_DIR by default. */
    pixWebhookKeys: read.optionalString('PIX_WEBHOOK_KEYS'),
    academic: readAcademicConfig(read),
    cardVault: readCardVaultConfig(read),
    financial: readFinancialConfig(read),
    notification: readNotificationConfig(read, { publicUrl: `http://localhost:${port}` }),
  };
  // EMAIL_LANGUAGE is read once, for notification; marketing's leads default to it too.
  const { language } = config.notification.settings;
  return read.done({ ...config, marketing: readMarketingConfig(read, { language }) });
}
