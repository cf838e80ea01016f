import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceNames } from '@checkout/platform';
import {
  helmArgs,
  kubeTool,
  chartDir,
  profiles,
  renderChart,
  renderChartText,
  runTool,
  validateManifests,
  workloads,
  type Profile,
} from '../src';

const profileNames = Object.keys(profiles) as Profile[];
const fullname = 'checkout-course-checkout';

interface Verdict {
  name: string;
  allowed: boolean;
  containers: string[];
  forbidden?: string[];
}

/** tools/pod-security-check: Dapr's injector adds the sidecar, then Kubernetes' checks judge. */
function podSecurity(manifests: string, flags: string[] = []): Verdict[] {
  const check = runTool(
    kubeTool('pod-security-check'),
    ['-level', 'restricted', '-version', 'v1.33', '-namespace', 'courses', ...flags],
    { input: manifests },
  );
  if (check.status > 1) throw new Error(check.stderr);
  return check.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Verdict);
}

// The first run builds the Pod Security checker with the go command, and helm and kubeconform
// unless they are on PATH at the pinned versions.
beforeAll(() => {
  for (const tool of ['helm', 'kubeconform', 'pod-security-check'] as const) kubeTool(tool);
}, 900_000);

describe.each(profileNames)('the chart with the %s profile', (profile) => {
  it('passes helm lint --strict', () => {
    const lint = runTool(kubeTool('helm'), ['lint', '--strict', chartDir, ...helmArgs(profile)]);
    expect(lint.stdout).toContain('1 chart(s) linted, 0 chart(s) failed');
    expect(lint.status).toBe(0);
  });

  it('validates against the Kubernetes 1.33 and Dapr CRD schemas with zero errors', () => {
    const text = renderChartText(profile);
    const validation = validateManifests(text);
    expect(validation.problems).toEqual([]);
    expect(validation.summary).toEqual({
      valid: renderChart(profile).length,
      invalid: 0,
      errors: 0,
      skipped: 0,
    });
  });

  it("meets the restricted Pod Security level in every workload, Dapr sidecar included, by Kubernetes' own checks", () => {
    const verdicts = podSecurity(renderChartText(profile));
    expect(verdicts.filter((verdict) => !verdict.allowed)).toEqual([]);
    expect(verdicts.map((verdict) => verdict.name).sort()).toEqual(
      workloads(renderChart(profile))
        .map((workload) => workload.metadata.name)
        .sort(),
    );
    for (const name of serviceNames)
      expect(
        verdicts.find((verdict) => verdict.name === `${fullname}-${name}`)?.containers,
      ).toEqual(['daprd', 'app']);
    expect(verdicts.find((verdict) => verdict.name === `${fullname}-storefront`)).toMatchObject({
      allowed: true,
      containers: ['app'],
    });
  });

  it("names the release namespace on every object, so Tilt's plain apply lands where helm would", () => {
    const elsewhere = renderChart(profile).filter(
      (manifest) => (manifest.metadata as { namespace?: string }).namespace !== 'courses',
    );
    expect(elsewhere.map((manifest) => `${manifest.kind}/${manifest.metadata.name}`)).toEqual([]);
  });
});

describe('the packaged chart (what `helm install` users download)', () => {
  it('carries the Dapr resources in and renders exactly as the chart folder does', () => {
    const out = mkdtempSync(join(tmpdir(), 'chart-package-'));
    const helm = kubeTool('helm');
    expect(runTool(helm, ['package', chartDir, '--destination', out]).status).toBe(0);
    const [archive] = readdirSync(out);
    const render = (chart: string) =>
      runTool(helm, [
        'template',
        'checkout',
        chart,
        '--namespace',
        'courses',
        ...helmArgs('default'),
      ]).stdout;
    const packaged = render(join(out, archive ?? 'missing'));
    expect(packaged).toContain('kind: Component');
    expect(packaged).toEqual(render(chartDir));
  });
});

describe('what the checks catch', () => {
  it('kubeconform reports a field Kubernetes does not know', () => {
    const text = renderChartText('default').replace(
      'revisionHistoryLimit: 3',
      'revisionHistoryLimit: 3\n  revisionLimit: 3',
    );
    const validation = validateManifests(text);
    expect(validation.summary.invalid).toBeGreaterThan(0);
    expect(validation.problems.join('\n')).toContain("additional properties 'revisionLimit'");
  });

  it('the Pod Security check refuses a container allowed to escalate privileges', () => {
    const text = renderChartText('default').replace(
      'allowPrivilegeEscalation: false',
      'allowPrivilegeEscalation: true',
    );
    expect(podSecurity(text).flatMap((verdict) => verdict.forbidden ?? [])).toContain(
      'allowPrivilegeEscalation != false',
    );
  });

  it('the injected sidecar keeps its capabilities unless Dapr is installed with sidecarDropALLCapabilities', () => {
    const verdicts = podSecurity(renderChartText('default'), ['-dapr-drop-all-capabilities=false']);
    expect(verdicts.filter((verdict) => !verdict.allowed)).toHaveLength(serviceNames.length);
    expect(new Set(verdicts.flatMap((verdict) => verdict.forbidden ?? []))).toEqual(
      new Set(['unrestricted capabilities']),
    );
  });

  it('values that break values.schema.json are refused, naming the field', () => {
    expect(() => renderChartText('default', ['--set', 'services.payment.replicas=0'])).toThrow(
      "at '/services/payment/replicas': minimum: got 0, want 1",
    );
    expect(() => renderChartText('default', ['--set', 'image.pullPolicy=Sometimes'])).toThrow(
      '/image/pullPolicy',
    );
    // An origin is scheme, host and port: a path (even a lone slash) never matches a browser's Origin.
    expect(() =>
      renderChartText('default', ['--set', 'allowedOrigins={https://shop.example.com/}']),
    ).toThrow('/allowedOrigins/0');
    expect(() => renderChartText('default', ['--set', 'storefront.replicas=0'])).toThrow(
      '/storefront/replicas',
    );
  });
});
