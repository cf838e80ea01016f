import type { NodeSDK } from '@opentelemetry/sdk-node';

/** Requests that are no one's work: probes and scrapes, which would drown the traces. */
const untracedPaths = new Set(['/healthz', '/readyz', '/metrics']);

let sdk: NodeSDK | undefined;

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set (exporting OTLP as the
 * standard OTEL_* variables say, in JSON unless they name another protocol); otherwise it loads
 * nothing and every span the code asks for is the API's no-op. The instrumentations patch http,
 * express and pg as they are first required, so an entry runs this before anything else, and this
 * file requires nothing but OpenTelemetry.
 */
export function startTracing(serviceName: string): void {
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT || sdk) return;
  // OTLP/JSON unless the operator names a protocol: V8 encodes JSON natively, where the protobuf
  // encoder is JavaScript (about 3 ms less CPU per checkout, docs/bench.md). Collectors take both.
  process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ??=
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/json';
  // Required here, not imported above: with tracing off the SDK is never loaded.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { NodeSDK } =
    require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { ExpressInstrumentation, ExpressLayerType } =
    require('@opentelemetry/instrumentation-express') as typeof import('@opentelemetry/instrumentation-express');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  /* eslint-enable @typescript-eslint/no-require-imports */
  sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? serviceName,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) =>
          untracedPaths.has((request.url ?? '').split('?')[0] ?? ''),
        // A background loop's calls (the relay's publishes) are traced only inside an event's trace.
        requireParentforOutgoingSpans: true,
        // An activation link's token never reaches a span.
        redactedQueryParams: ['token'],
      }),
      // Names the request's span after its route; no span per router, middleware or handler
      // (the handler's would only repeat the request's, at a cost per request).
      new ExpressInstrumentation({
        ignoreLayersType: [
          ExpressLayerType.ROUTER,
          ExpressLayerType.MIDDLEWARE,
          ExpressLayerType.REQUEST_HANDLER,
        ],
      }),
      // Statements (never their parameters) of traced work only, not of the pollers' rounds.
      new PgInstrumentation({ requireParentSpan: true, ignoreConnectSpans: true }),
    ],
    // Traces only: metrics are Prometheus's (metrics/), logs are pino's lines on stdout.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
}

/** Exports the spans still buffered; the last step of a clean shutdown. */
export async function stopTracing(): Promise<void> {
  await sdk?.shutdown();
}
