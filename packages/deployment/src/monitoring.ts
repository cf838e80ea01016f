import type { Manifest } from './render-chart';

/** Helm flags that turn the monitoring objects on, as in a cluster with the Prometheus Operator. */
export const withMonitoring = [
  '--set',
  'monitoring.enabled=true',
  '--set',
  'monitoring.dashboard.enabled=true',
  '--api-versions',
  'monitoring.coreos.com/v1',
];

export interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

interface Dashboard {
  panels: { title: string; targets: { expr: string }[] }[];
  templating: { list: { name: string; definition?: string }[] };
}

/** The alerting rules of the rendered PrometheusRule objects. */
export const alertRules = (manifests: Manifest[]): AlertRule[] =>
  manifests
    .filter((manifest) => manifest.kind === 'PrometheusRule')
    .flatMap((rule) => (rule.spec as { groups: { rules: AlertRule[] }[] }).groups)
    .flatMap((group) => group.rules);

/** The dashboards of the rendered Grafana ConfigMaps (label grafana_dashboard), parsed. */
export const dashboards = (manifests: Manifest[]): Dashboard[] =>
  manifests
    .filter((m) => m.kind === 'ConfigMap' && m.metadata.labels?.grafana_dashboard === '1')
    .flatMap((map) => Object.values(map.data as Record<string, string>))
    .map((json) => JSON.parse(json) as Dashboard);

/** The series selector of a Grafana `label_values(series, label)` query. */
const labelValuesSeries = (definition: string) =>
  /^label_values\((.+),\s*\w+\)$/.exec(definition)?.[1];

/**
 * Every PromQL expression the monitoring objects hold, named by where it is: the alerts', the
 * dashboard panels', and the series selectors of its template variables.
 */
export const promqlExpressions = (manifests: Manifest[]): { where: string; expr: string }[] => [
  ...alertRules(manifests).map((rule) => ({ where: `alert ${rule.alert}`, expr: rule.expr })),
  ...dashboards(manifests).flatMap((dashboard) =>
    dashboard.panels.flatMap((panel) =>
      panel.targets.map((target) => ({ where: `panel "${panel.title}"`, expr: target.expr })),
    ),
  ),
  ...dashboards(manifests).flatMap((dashboard) =>
    dashboard.templating.list.flatMap(({ name, definition = '' }) => {
      const series = labelValuesSeries(definition);
      return series ? [{ where: `variable $${name}`, expr: series }] : [];
    }),
  ),
];
