import {
  context,
  propagation,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type SpanKind,
} from '@opentelemetry/api';

/** With tracing off (start-tracing.ts) every call here is the API's no-op, at almost no cost. */
const tracer = trace.getTracer('@checkout/service-kit');

/** The W3C `traceparent` of the active span; undefined when nothing is traced. */
export function activeTraceparent(): string | undefined {
  const carrier: { traceparent?: string } = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context that continues the trace `traceparent` names, or the active one without it. */
function contextOf(traceparent: string | null | undefined): Context {
  return traceparent ? propagation.extract(context.active(), { traceparent }) : context.active();
}

export interface SpanOptions {
  kind: SpanKind;
  attributes?: Attributes;
  /** The trace to continue (an event's, a queued e-mail's); the active span's when absent. */
  traceparent?: string | null;
}

/** Runs `work` in a span that ends when it settles; a throw marks the span failed and goes on. */
export function inSpan<T>(name: string, options: SpanOptions, work: (span: Span) => Promise<T>) {
  const { traceparent, ...spanOptions } = options;
  return tracer.startActiveSpan(name, spanOptions, contextOf(traceparent), async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/** `trace_id` and `span_id` of the active span, for a log line; empty when nothing is traced. */
export function traceFields(): { trace_id?: string; span_id?: string } {
  const span = trace.getActiveSpan()?.spanContext();
  return span && trace.isSpanContextValid(span)
    ? { trace_id: span.traceId, span_id: span.spanId }
    : {};
}
