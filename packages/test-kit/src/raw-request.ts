import type { ApiProblem } from '@checkout/client';

/** An answer as the typed client gives one: the response, and the problem of a refusal. */
export interface ProblemAnswer {
  response: Response;
  error?: ApiProblem | undefined;
}

/**
 * Sends what the typed client exists to forbid (malformed JSON, unknown fields, wrong types, a
 * missing header, an odd path or content type) exactly as given: a string body as its bytes,
 * anything else as its JSON, `content-type: application/json` unless `headers` says otherwise.
 * Answers in the typed client's shape, so one assertion reads both.
 */
export async function sendRaw(
  url: string,
  { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<ProblemAnswer> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json') ?? false;
  const refused = !response.ok && text !== '' && isJson;
  return { response, error: refused ? (JSON.parse(text) as ApiProblem) : undefined };
}
