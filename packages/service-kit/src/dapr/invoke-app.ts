import { DependencyUnavailableError } from '../dependency-unavailable';
import { activeTraceparent } from '../tracing/trace-context';

/** Where the app's own sidecar listens, and the token it requires (DAPR_API_TOKEN), if any. */
export interface DaprSidecar {
  httpPort: number;
  apiToken?: string;
}

export interface InvocationResponse {
  status: number;
  body: unknown;
}

/**
 * Calls a method of another app through the sidecars (Dapr service invocation). Plain HTTP
 * rather than the SDK's invoker, which turns every non-2xx answer into an Error whose message
 * holds the status as JSON: here the callee's status comes back as it is, so 404 stays 404.
 */
export async function invokeApp(
  sidecar: DaprSidecar,
  appId: string,
  method: string,
  options: { httpMethod?: 'GET' | 'POST'; body?: unknown } = {},
): Promise<InvocationResponse> {
  const url = `http://127.0.0.1:${sidecar.httpPort}/v1.0/invoke/${appId}/method/${method}`;
  // fetch is not instrumented: the trace context goes in by hand, and the sidecars pass it on.
  const traceparent = activeTraceparent();
  const response = await fetch(url, {
    method: options.httpMethod ?? 'GET',
    headers: {
      'content-type': 'application/json',
      ...(traceparent && { traceparent }),
      ...(sidecar.apiToken && { 'dapr-api-token': sidecar.apiToken }),
    },
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  }).catch((error: unknown) => {
    throw new DependencyUnavailableError('the Dapr sidecar', { cause: error });
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  // The sidecar could not reach the app (down, restarting): the app never answered.
  // Its message (an address, a TLS or resolution failure) goes into the log as the cause.
  const { errorCode, message } = (body ?? {}) as { errorCode?: unknown; message?: unknown };
  if (errorCode === 'ERR_DIRECT_INVOKE')
    throw new DependencyUnavailableError(appId, { cause: new Error(String(message)) });
  return { status: response.status, body };
}
