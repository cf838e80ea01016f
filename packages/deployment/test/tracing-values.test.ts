import { serviceNames, sidecarTracing } from '@checkout/platform';
import { named, podTemplate, renderChart, type Container } from '../src';

const fullname = 'checkout-course-checkout';
const collector = 'http://jaeger-collector.observability:4318';

const appEnv = (
  manifests: ReturnType<typeof renderChart>,
  name: string,
  variable = 'OTEL_EXPORTER_OTLP_ENDPOINT',
) => {
  const [app] = podTemplate(named(manifests, 'Deployment', `${fullname}-${name}`)).spec
    .containers as [Container];
  return app.env?.find((entry) => entry.name === variable)?.value;
};
const tracingOf = (manifests: ReturnType<typeof renderChart>, name: string) =>
  (named(manifests, 'Configuration', `${fullname}-${name}`).spec as { tracing?: unknown }).tracing;

describe('tracing.otlpEndpoint', () => {
  const traced = renderChart('default', ['--set', `tracing.otlpEndpoint=${collector}`]);
  const untraced = renderChart('default');

  it.each(serviceNames)(
    'sends the spans of %s and of its sidecar to the collector, as start:dapr does',
    (name) => {
      expect(appEnv(traced, name)).toBe(collector);
      expect(tracingOf(traced, name)).toEqual(sidecarTracing(collector));
      expect(tracingOf(traced, name)).toEqual({
        samplingRate: '1',
        otel: {
          endpointAddress: 'jaeger-collector.observability:4318',
          isSecure: false,
          protocol: 'http',
        },
      });
    },
  );

  it.each(serviceNames)(
    'samples tracing.sampleRatio of the purchases in %s and its sidecar alike, parent-based',
    (name) => {
      const sampled = renderChart('default', [
        '--set',
        `tracing.otlpEndpoint=${collector}`,
        '--set',
        'tracing.sampleRatio=0.1',
      ]);
      expect(appEnv(sampled, name, 'OTEL_TRACES_SAMPLER')).toBe('parentbased_traceidratio');
      expect(appEnv(sampled, name, 'OTEL_TRACES_SAMPLER_ARG')).toBe('0.1');
      expect(tracingOf(sampled, name)).toEqual(sidecarTracing(collector, 0.1));
      expect(appEnv(traced, name, 'OTEL_TRACES_SAMPLER_ARG')).toBe('1');
    },
  );

  it('refuses a sample ratio outside 0 to 1', () => {
    for (const ratio of ['2', '-0.5', 'half'])
      expect(() => renderChart('default', ['--set', `tracing.sampleRatio=${ratio}`])).toThrow(
        /tracing\/sampleRatio/,
      );
  });

  it('traces nothing when empty, the default', () => {
    for (const name of serviceNames) {
      expect(appEnv(untraced, name)).toBeUndefined();
      expect(tracingOf(untraced, name)).toBeUndefined();
    }
  });
});

interface EgressRule {
  to?: unknown[];
  ports: { port: number; protocol: string }[];
}
/** The egress rules of a service's NetworkPolicy (its sidecar's too: one pod) that open `port`. */
const egressOn = (manifests: ReturnType<typeof renderChart>, name: string, port: number) =>
  (
    named(manifests, 'NetworkPolicy', `${fullname}-${name}`).spec as { egress: EgressRule[] }
  ).egress.filter((rule) => rule.ports.some((entry) => entry.port === port));

describe('the trace collector behind the network policies', () => {
  const narrowed = renderChart('default', [
    '--set',
    'tracing.otlpEndpoint=https://collector.example:8443',
    '--set-json',
    'networkPolicy.egress.traces.to=[{"ipBlock":{"cidr":"10.20.0.0/16"}}]',
  ]);
  const traced = renderChart('default', ['--set', `tracing.otlpEndpoint=${collector}`]);
  const untraced = renderChart('default');

  it.each(serviceNames)(
    "lets %s and its sidecar out to the collector on its URL's port, only when traced",
    (name) => {
      expect(egressOn(traced, name, 4318)).toEqual([{ ports: [{ port: 4318, protocol: 'TCP' }] }]);
      expect(egressOn(narrowed, name, 8443)).toEqual([
        { ports: [{ port: 8443, protocol: 'TCP' }], to: [{ ipBlock: { cidr: '10.20.0.0/16' } }] },
      ]);
      expect(egressOn(untraced, name, 4318)).toEqual([]);
    },
  );
});

describe('the dev profile', () => {
  const dev = renderChart('dev');
  const viewer = `http://${fullname}-dev-traces:4318`;

  it('runs Jaeger as its trace viewer, and every service and sidecar traces to it', () => {
    const [jaeger] = podTemplate(named(dev, 'Deployment', `${fullname}-dev-traces`)).spec
      .containers as [Container];
    expect(jaeger.image).toMatch(/^docker\.io\/jaegertracing\/jaeger:2\./);
    for (const name of serviceNames) {
      expect(appEnv(dev, name)).toBe(viewer);
      expect(tracingOf(dev, name)).toEqual(sidecarTracing(viewer));
      expect(egressOn(dev, name, 4318)).toEqual([
        {
          ports: [{ port: 4318, protocol: 'TCP' }],
          to: [
            {
              podSelector: {
                matchLabels: {
                  'app.kubernetes.io/instance': 'checkout',
                  'app.kubernetes.io/name': 'dev-traces',
                  'app.kubernetes.io/part-of': 'course-checkout',
                },
              },
            },
          ],
        },
      ]);
    }
  });

  it('traces nothing without it (dev.traceViewer=false), unless tracing.otlpEndpoint says', () => {
    const withoutViewer = renderChart('dev', ['--set', 'dev.traceViewer=false']);
    expect(withoutViewer.some((m) => m.metadata.name === `${fullname}-dev-traces`)).toBe(false);
    for (const name of serviceNames) expect(appEnv(withoutViewer, name)).toBeUndefined();
    const elsewhere = renderChart('dev', ['--set', `tracing.otlpEndpoint=${collector}`]);
    for (const name of serviceNames) expect(appEnv(elsewhere, name)).toBe(collector);
  });
});
