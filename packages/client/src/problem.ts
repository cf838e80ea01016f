import type { components } from './openapi-types';

/** An `application/problem+json` answer (RFC 9457), as every error of the API is. */
export type ApiProblem = components['schemas']['Problem'];

/**
 * The problem's messages by field path (`payer.address.state`), the first message of each field,
 * so a form can show each one beside its input. Empty when the problem names no field.
 */
export function fieldErrors(problem: ApiProblem | undefined): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const { field, message } of problem?.errors ?? []) messages[field] ??= message;
  return messages;
}
