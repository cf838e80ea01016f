import pino from 'pino';
import pretty from 'pino-pretty';
import { serializeError } from './error-serializer';
import { traceFields } from './tracing/trace-context';

export type Logger = pino.Logger;

/** Personal data, card data, passwords and tokens: hidden even if someone logs a body by mistake. */
const sensitiveKeys = [
  'number',
  'cvc',
  'password',
  'token',
  'activationToken',
  'accessToken',
  'cardToken',
  'card',
  'document',
  'email',
  'phone',
  'address',
  'postalCode',
  'birthDate',
  'payer',
  'student',
  'sql',
  'parameters',
  'bindings',
];

const redactedPaths = [
  ...sensitiveKeys.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
  'req.headers.authorization',
  'req.headers.cookie',
];

export type LogFormat = 'json' | 'pretty';

/**
 * JSON lines for machines (containers, CI, pipes); one readable, coloured line per event when a
 * person watches a terminal. `LOG_FORMAT` (json or pretty) overrides the guess.
 */
export function logFormat(
  env: NodeJS.ProcessEnv = process.env,
  stdout: { isTTY?: boolean } = process.stdout,
): LogFormat {
  const chosen = env.LOG_FORMAT?.trim();
  if (chosen === 'json' || chosen === 'pretty') return chosen;
  return stdout.isTTY ? 'pretty' : 'json';
}

/** pino-pretty as a stream in this thread, so a line is written before the process can exit. */
const readableLines = () =>
  pretty({
    colorize: true,
    singleLine: true,
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
  });

export function createLogger(
  name: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination: pino.DestinationStream | undefined = logFormat() === 'pretty'
    ? readableLines()
    : undefined,
): Logger {
  return pino(
    {
      name,
      level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
      // A line written inside a span names its trace, so a trace's lines can be found.
      mixin: traceFields,
    },
    destination,
  );
}
