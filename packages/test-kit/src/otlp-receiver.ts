import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import protobuf from 'protobufjs';

/** A span as a test reads it: ids in hex, attributes as plain values. */
export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  name: string;
  /** The resource's `service.name`: the process that recorded the span. */
  serviceName: string;
  attributes: Record<string, unknown>;
  /** How it came: the apps' exporter as the suites set it (json), daprd's always (protobuf). */
  encoding: 'json' | 'protobuf';
}

export interface OtlpReceiver {
  /** For OTEL_EXPORTER_OTLP_ENDPOINT. */
  endpoint: string;
  /** Every span received so far (none kept with `keepSpans: false`). */
  readonly spans: ReceivedSpan[];
  /** How many spans arrived, kept or not. */
  readonly spanCount: number;
  /** How many export requests arrived. */
  readonly exports: number;
  stop(): Promise<void>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value?: OtlpValue;
}
interface OtlpJson {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttribute[] };
    scopeSpans?: {
      spans?: {
        traceId: string | Uint8Array;
        spanId: string | Uint8Array;
        parentSpanId?: string | Uint8Array;
        name: string;
        attributes?: OtlpAttribute[];
      }[];
    }[];
  }[];
}

/**
 * The fields of OTLP's ExportTraceServiceRequest a test reads (opentelemetry-proto, trace/v1),
 * under their JSON names; protobufjs skips the others.
 */
const ExportTraceServiceRequest = protobuf.Root.fromJSON({
  nested: {
    Request: { fields: { resourceSpans: { rule: 'repeated', type: 'ResourceSpans', id: 1 } } },
    ResourceSpans: {
      fields: {
        resource: { type: 'Resource', id: 1 },
        scopeSpans: { rule: 'repeated', type: 'ScopeSpans', id: 2 },
      },
    },
    Resource: { fields: { attributes: { rule: 'repeated', type: 'KeyValue', id: 1 } } },
    ScopeSpans: { fields: { spans: { rule: 'repeated', type: 'Span', id: 2 } } },
    Span: {
      fields: {
        traceId: { type: 'bytes', id: 1 },
        spanId: { type: 'bytes', id: 2 },
        parentSpanId: { type: 'bytes', id: 4 },
        name: { type: 'string', id: 5 },
        attributes: { rule: 'repeated', type: 'KeyValue', id: 9 },
      },
    },
    KeyValue: { fields: { key: { type: 'string', id: 1 }, value: { type: 'AnyValue', id: 2 } } },
    AnyValue: {
      fields: {
        stringValue: { type: 'string', id: 1 },
        boolValue: { type: 'bool', id: 2 },
        intValue: { type: 'int64', id: 3 },
        doubleValue: { type: 'double', id: 4 },
      },
    },
  },
}).lookupType('Request');

/** A protobuf export in the shape of a JSON one (ids still bytes: see `hex`). */
const fromProtobuf = (body: Buffer) =>
  ExportTraceServiceRequest.toObject(ExportTraceServiceRequest.decode(body), {
    longs: String,
  }) as OtlpJson;

/** Ids as OTLP/JSON writes them, in hex. */
const hex = (id: string | Uint8Array | undefined) =>
  id === undefined || typeof id === 'string' ? id : Buffer.from(id).toString('hex');

const plain = (attributes: OtlpAttribute[] = []) =>
  Object.fromEntries(
    attributes.map(({ key, value = {} }) => [
      key,
      value.stringValue ?? value.intValue ?? value.doubleValue ?? value.boolValue,
    ]),
  );

const spansOf = (payload: OtlpJson, encoding: ReceivedSpan['encoding']): ReceivedSpan[] =>
  (payload.resourceSpans ?? []).flatMap(({ resource, scopeSpans = [] }) => {
    const serviceName = String(plain(resource?.attributes)['service.name']);
    return scopeSpans.flatMap(({ spans = [] }) =>
      spans.map((span) => ({
        traceId: hex(span.traceId)!,
        spanId: hex(span.spanId)!,
        parentSpanId: hex(span.parentSpanId) || undefined,
        name: span.name,
        serviceName,
        attributes: plain(span.attributes),
        encoding,
      })),
    );
  });

/**
 * A collector of the test's own: answers OTLP/HTTP trace exports on POST /v1/traces, in JSON (the
 * apps' exporter unless OTEL_EXPORTER_OTLP_PROTOCOL says otherwise) or protobuf (daprd's, and the
 * SDK's own default), and keeps the spans, or with `keepSpans: false` only counts them (the
 * bench's: a ramp exports millions).
 */
export async function startOtlpReceiver({ keepSpans = true } = {}): Promise<OtlpReceiver> {
  const spans: ReceivedSpan[] = [];
  let exports = 0;
  let spanCount = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      const type = req.headers['content-type'] ?? '';
      const encoding = type.includes('json')
        ? 'json'
        : type.includes('protobuf')
          ? 'protobuf'
          : undefined;
      if (req.method !== 'POST' || req.url !== '/v1/traces' || !encoding) {
        res.writeHead(415).end();
        return;
      }
      exports++;
      const payload =
        encoding === 'json' ? (JSON.parse(body.toString('utf8')) as OtlpJson) : fromProtobuf(body);
      const received = spansOf(payload, encoding);
      spanCount += received.length;
      if (keepSpans) spans.push(...received);
      res.writeHead(200, { 'content-type': type }).end(encoding === 'json' ? '{}' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    spans,
    get exports() {
      return exports;
    },
    get spanCount() {
      return spanCount;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
