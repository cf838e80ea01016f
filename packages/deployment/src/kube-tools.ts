import { execFileSync } from 'node:child_process';
import { dirname } from 'node:path';
import { provision, repoRoot } from '@checkout/local-infra';

export type KubeTool = 'helm' | 'kubeconform' | 'k3d' | 'skaffold' | 'tilt' | 'pod-security-check';

const toolPaths = new Map<KubeTool, string>();

/**
 * The path of a tool from scripts/provision/kube-tools.sh: the one on PATH when it reports the
 * pinned version, else our build (cached; the first build takes minutes, and says so).
 */
export function kubeTool(tool: KubeTool): string {
  const path = toolPaths.get(tool) ?? provision('kube-tools', tool);
  toolPaths.set(tool, path);
  return path;
}

/** The folder holding the offline Kubernetes JSON schemas (v1.33.0-local-strict/). */
export const kubernetesSchemas = (): string => provision('kube-schemas');

/** PATH with our helm first, for the tools that call helm themselves (skaffold, tilt). */
export const pathWithHelm = () => `${dirname(kubeTool('helm'))}:${process.env.PATH ?? ''}`;

/** The Dapr CRDs of the runtime version we build daprd from. */
export const daprCrdFolder = (): string => provision('dapr-crds');

/** The Prometheus Operator's CRDs, for the chart's optional monitoring objects. */
export const prometheusOperatorCrdFolder = (): string => provision('prometheus-operator-crds');

/** Runs a tool and returns what it printed and how it ended, without throwing. */
export function runTool(
  binary: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): { status: number; stdout: string; stderr: string } {
  try {
    const stdout = execFileSync(binary, args, {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, ...options.env },
      ...(options.input !== undefined && { input: options.input }),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return { status: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { status: number | null; stdout: string; stderr: string };
    return { status: failed.status ?? 1, stdout: failed.stdout, stderr: failed.stderr };
  }
}
