import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@checkout/local-infra';
import { serviceNames } from '@checkout/platform';
import {
  alertRules,
  dashboards,
  named,
  ofKind,
  podTemplate,
  renderChart,
  renderChartText,
  validateManifests,
  withMonitoring,
  type Manifest,
} from '../src';

const fullname = 'checkout-course-checkout';
const monitoringKinds = ['PodMonitor', 'PrometheusRule'];

/** GitHub's anchors for the headings of docs/operations.md. */
const operationsAnchors = () =>
  readFileSync(join(repoRoot, 'docs/operations.md'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('#'))
    .map((line) =>
      line
        .replace(/^#+\s*/, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, '')
        .replace(/\s/g, '-'),
    );

interface PodMonitorSpec {
  selector: { matchExpressions: { key: string; operator: 'In'; values: string[] }[] };
  podMetricsEndpoints: { port: string; path: string }[];
}

const selects = (spec: PodMonitorSpec, labels: Record<string, string>) =>
  spec.selector.matchExpressions.every(({ key, values }) => values.includes(labels[key] ?? ''));

describe('monitoring in the chart', () => {
  it('renders nothing for Prometheus or Grafana by default', () => {
    const kinds = renderChart('default').map((manifest) => manifest.kind);
    expect(kinds.filter((kind) => monitoringKinds.includes(kind))).toEqual([]);
    expect(dashboards(renderChart('default'))).toEqual([]);
  });

  it('renders no Prometheus Operator object when the cluster lacks its CRDs, even when enabled', () => {
    const manifests = renderChart('default', ['--set', 'monitoring.enabled=true']);
    expect(manifests.filter((m) => monitoringKinds.includes(m.kind))).toEqual([]);
  });

  describe('when enabled in a cluster with the Prometheus Operator', () => {
    const manifests: Manifest[] = renderChart('default', withMonitoring);

    it('validates against the Kubernetes and Prometheus Operator schemas with zero errors', () => {
      const validation = validateManifests(renderChartText('default', withMonitoring));
      expect(validation.problems).toEqual([]);
      expect(validation.summary).toMatchObject({ invalid: 0, errors: 0, skipped: 0 });
    });

    it('scrapes the metrics port of every service pod, and no other pod', () => {
      const [monitor, ...others] = ofKind(manifests, 'PodMonitor');
      expect(others).toEqual([]);
      const spec = monitor!.spec as unknown as PodMonitorSpec;
      expect(spec.podMetricsEndpoints).toEqual([
        expect.objectContaining({ port: 'metrics', path: '/metrics' }),
      ]);
      const selected = ofKind(manifests, 'Deployment').filter((deployment) =>
        selects(spec, podTemplate(deployment).metadata.labels),
      );
      expect(selected.map((d) => d.metadata.name).sort()).toEqual(
        serviceNames.map((name) => `${fullname}-${name}`).sort(),
      );
      for (const deployment of selected) {
        const [app] = podTemplate(deployment).spec.containers;
        expect(app?.ports?.map((port) => port.name)).toContain('metrics');
      }
    });

    it('alerts on dead letters, a stale outbox, overdue checkouts, failing e-mails and 5xx, each with a runbook in docs/operations.md', () => {
      const rules = alertRules(manifests);
      expect(rules.map((rule) => rule.alert).sort()).toEqual([
        'CheckoutChargesOverdue',
        'CheckoutDeadLettersPresent',
        'CheckoutEmailFailureRate',
        'CheckoutHttp5xxRate',
        'CheckoutOutboxStale',
      ]);
      const anchors = operationsAnchors();
      for (const rule of rules) {
        const runbook = rule.annotations?.runbook_url ?? '';
        expect({ alert: rule.alert, runbook }).toEqual({
          alert: rule.alert,
          runbook: expect.stringMatching(/\/docs\/operations\.md#[a-z0-9-]+$/),
        });
        expect({ alert: rule.alert, anchors }).toEqual({
          alert: rule.alert,
          anchors: expect.arrayContaining([runbook.split('#')[1]]),
        });
        expect(rule.labels?.severity).toMatch(/^(warning|critical)$/);
      }
    });

    it('ships the Grafana dashboard as a ConfigMap for the Grafana sidecar', () => {
      const map = named(manifests, 'ConfigMap', `${fullname}-dashboard`);
      expect(map.metadata.labels?.grafana_dashboard).toBe('1');
      const [dashboard] = dashboards(manifests);
      expect(dashboard?.panels.length).toBeGreaterThan(10);
    });
  });
});
