import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { repoRoot } from '@checkout/local-infra';
import { kubeTool, runTool } from './kube-tools';

export const chartDir = join(repoRoot, 'charts/course-checkout');
export const kubernetesVersion = '1.33.0';

/** The values profiles we ship: the production default and the k3d dev profile. */
export const profiles = {
  default: [],
  dev: [join(chartDir, 'values-dev.yaml')],
} satisfies Record<string, string[]>;
export type Profile = keyof typeof profiles;

export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
  [field: string]: unknown;
}

export function helmArgs(profile: Profile, extra: string[] = []): string[] {
  return [
    '--kube-version',
    kubernetesVersion,
    ...profiles[profile].flatMap((file) => ['--values', file]),
    ...extra,
  ];
}

const rendered = new Map<string, string>();

/** `helm template` of one profile, as text; throws with helm's message when rendering fails. */
export function renderChartText(profile: Profile, extra: string[] = []): string {
  const key = JSON.stringify([profile, extra]);
  const text = rendered.get(key) ?? helmTemplate(profile, extra);
  rendered.set(key, text);
  return text;
}

function helmTemplate(profile: Profile, extra: string[]): string {
  const result = runTool(kubeTool('helm'), [
    'template',
    'checkout',
    chartDir,
    '--namespace',
    'courses',
    ...helmArgs(profile, extra),
  ]);
  if (result.status !== 0) throw new Error(`helm template failed: ${result.stderr}`);
  return result.stdout;
}

export function renderChart(profile: Profile, extra: string[] = []): Manifest[] {
  return parseAllDocuments(renderChartText(profile, extra))
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
}
