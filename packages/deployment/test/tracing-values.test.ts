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
