import type { Response } from 'express';

export interface FieldError {
  field: string;
  message: string;
}

/** An expected HTTP failure, rendered as application/problem+json (RFC 9457). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    /** Extension members (RFC 9457 §3.2), e.g. the id of the checkout a request collided with. */
    readonly extensions?: Record<string, string>,
  ) {
    super(detail ?? title);
  }
}

export const problems = {
  invalidRequest: (errors: FieldError[]) =>
    new HttpProblem(400, 'Invalid request', 'The request does not match the API contract.', errors),
  unprocessable: (field: string, message: string) =>
    new HttpProblem(422, 'Unprocessable request', message, [{ field, message }]),
  notFound: (detail: string) => new HttpProblem(404, 'Not found', detail),
  unauthorized: (detail: string) => new HttpProblem(401, 'Unauthorized', detail),
  conflict: (title: string, detail: string, field?: string, extensions?: Record<string, string>) =>
    new HttpProblem(
      409,
      title,
      detail,
      field ? [{ field, message: detail }] : undefined,
      extensions,
    ),
  serviceUnavailable: () =>
    new HttpProblem(
      503,
      'Service unavailable',
      'A part of the platform is out of reach for a moment; retry later.',
    ),
};

const slug = (title: string) => title.toLowerCase().replaceAll(' ', '-');

export function sendProblem(res: Response, problem: HttpProblem): void {
  res
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: `/problems/${slug(problem.title)}`,
      title: problem.title,
      status: problem.status,
      ...(problem.detail && { detail: problem.detail }),
      ...(problem.errors && { errors: problem.errors }),
      ...problem.extensions,
    });
}
