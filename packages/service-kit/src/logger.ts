import pino from 'pino';
import { serializeError } from './error-serializer';

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

export function createLogger(
  name: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      name,
      level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
    },
    destination,
  );
}
