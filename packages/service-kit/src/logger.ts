import pino from 'pino';

export type Logger = pino.Logger;

/** Card data, passwords and tokens never reach a log line, even if someone logs a body by mistake. */
export const redactedPaths = [
  ...['number', 'cvc', 'password', 'token', 'activationToken', 'card'].flatMap((key) => [
    key,
    `*.${key}`,
    `*.*.${key}`,
  ]),
  'req.headers.authorization',
];

export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name,
    level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
  });
}
