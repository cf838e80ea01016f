import type { ErrorRequestHandler } from 'express';
import { isDatabaseUnavailable } from '../db/database-unavailable';
import { DependencyUnavailableError } from '../dependency-unavailable';
import { FaultReporter } from '../fault-reporter';
import type { Logger } from '../logger';
import { HttpProblem, problems, sendProblem } from './problem';

/** Seconds a client should wait before retrying while the database or a service is out of reach. */
export const unavailableRetryAfterSeconds = 5;

/** Errors Express and body-parser raise for a request they could not read, by their `type`. */
const readErrors: Record<string, HttpProblem> = {
  'entity.parse.failed': new HttpProblem(400, 'Malformed JSON', 'The body is not valid JSON.'),
  'entity.too.large': new HttpProblem(413, 'Payload too large', 'The body is over 100 KB.'),
  'encoding.unsupported': new HttpProblem(
    415,
    'Unsupported encoding',
    'Send the body as is or with Content-Encoding gzip, deflate or br.',
  ),
  'charset.unsupported': new HttpProblem(415, 'Unsupported charset', 'Send JSON in UTF-8.'),
};

/** The rest of them by status: a body that does not inflate, a path that does not decode. */
const readErrorsByStatus: Record<number, HttpProblem> = {
  400: new HttpProblem(400, 'Bad request', 'The request could not be read.'),
  415: new HttpProblem(415, 'Unsupported media type', 'Send application/json in UTF-8.'),
};

function readError(error: unknown): HttpProblem | undefined {
  const { type, status } = error as { type?: string; status?: number };
  if (type !== undefined && readErrors[type]) return readErrors[type];
  // body-parser and the router give these a 4xx status; their messages quote the input: say less.
  if (status === undefined || status < 400 || status > 499) return undefined;
  return readErrorsByStatus[status] ?? new HttpProblem(status, 'Bad request');
}

/**
 * Maps whatever a request threw to problem+json: expected problems as they are, unreadable
 * requests to 4xx, a database or service outage to 503 with Retry-After (logged at most once per interval),
 * and anything else to a logged 500 that never shows its stack.
 */
export function createErrorHandler(logger: Logger): ErrorRequestHandler {
  const outage = new FaultReporter(logger, 'requests needing the database or another service');
  return (error: unknown, req, res, _next) => {
    if (error instanceof HttpProblem) return sendProblem(res, error);
    const problem = readError(error);
    if (problem) return sendProblem(res, problem);
    if (isDatabaseUnavailable(error) || error instanceof DependencyUnavailableError) {
      outage.failed(error);
      res.set('Retry-After', String(unavailableRetryAfterSeconds));
      return sendProblem(res, problems.serviceUnavailable());
    }
    logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    sendProblem(res, new HttpProblem(500, 'Internal error', 'Something went wrong on our side.'));
  };
}
