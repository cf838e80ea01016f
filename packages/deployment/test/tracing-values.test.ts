import { serviceNames, sidecarTracing } from '@checkout/platform';
import { named, podTemplate, renderChart, type Container } from '../src';

const fullname = 'checkout-course-checkout';
const collector = 'http://jaeger-collector.observability:4318';

const appEnv = (manifests: ReturnType<typeof renderChart>, name: string) => {
  const [app] = podTemplate(named(manifests, 'Deployment', `${fullname}-${name}`)).spec
    .containers as [Container];
  return app.env?.find((entry) => entry.name === 'OTEL_EXPORTER_OTLP_ENDPOINT')?.value;
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

  it('traces nothing when empty, the default', () => {
    for (const name of serviceNames) {
      expect(appEnv(untraced, name)).toBeUndefined();
      expect(tracingOf(untraced, name)).toBeUndefined();
    }
  });
});
