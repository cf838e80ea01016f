import { resolve } from 'node:path';
import { styleText } from 'node:util';
import { logFormat, type Logger } from '@checkout/service-kit';
import type { PlatformConfig } from './config';

/** What a person needs to use a running platform, in the order the banner lists it. */
export interface PlatformAddresses {
  storefront: string;
  api: string;
  openApi: string;
  /** Prometheus's scrape address, where a process serves it for the whole platform. */
  metrics?: string;
  mail: string;
  database: string;
  dataFolder: string;
  rabbitmqManagement?: string;
}

const labels: Record<keyof PlatformAddresses, string> = {
  storefront: 'Storefront',
  api: 'API',
  openApi: 'OpenAPI document',
  metrics: 'Metrics',
  mail: 'Sent e-mails',
  database: 'Database',
  dataFolder: 'Data folder',
  rabbitmqManagement: 'RabbitMQ management',
};

const withoutPassword = (url: string) => {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
};

/**
 * The addresses of a platform served on `url`. A database the platform made (embedded or
 * provisioned, local) is shown whole, so that it can be pasted into psql; one it was given keeps
 * its password to itself.
 */
export function platformAddresses(
  url: string,
  config: Pick<PlatformConfig, 'databaseUrl' | 'smtpUrl' | 'dataDir'>,
  running: { databaseUrl: string; mailPage: boolean },
): PlatformAddresses {
  return {
    storefront: `${url}/`,
    api: `${url}/api/v1`,
    openApi: `${url}/api/v1/openapi.yaml`,
    mail: running.mailPage
      ? `${url}/dev/mail`
      : `sent through ${new URL(config.smtpUrl ?? '').host} (SMTP_URL)`,
    database: config.databaseUrl ? withoutPassword(config.databaseUrl) : running.databaseUrl,
    dataFolder: resolve(config.dataDir),
  };
}

/** Where `npm start` serves Prometheus's scrape, named like the API (localhost reaches either). */
export const metricsAddress = (port: number) => `http://localhost:${port}/metrics`;

function banner(addresses: PlatformAddresses, startupMs: number): string {
  const keys = (Object.keys(labels) as (keyof PlatformAddresses)[]).filter(
    (key) => addresses[key] !== undefined,
  );
  const width = Math.max(...keys.map((key) => labels[key].length)) + 3;
  return [
    '',
    styleText('bold', `  Ready in ${(startupMs / 1000).toFixed(1)} s`),
    '',
    ...keys.map((key) => `    ${labels[key].padEnd(width)}${styleText('cyan', addresses[key]!)}`),
    '',
    '  Press Ctrl-C to stop.',
    '',
    '',
  ].join('\n');
}

/**
 * Says that the platform is up: for machines, one log event carrying the addresses; on a
 * terminal (readable logs), the event and below it a block where a person finds them at a glance.
 */
export function announceReady(
  logger: Logger,
  message: string,
  addresses: PlatformAddresses,
  startupMs: number,
): void {
  if (logFormat() === 'json') return void logger.info({ ...addresses, startupMs }, message);
  logger.info(message);
  process.stdout.write(banner(addresses, startupMs));
}
