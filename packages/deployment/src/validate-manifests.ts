import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { daprSchemaLocation, writeDaprCrdSchemas } from './dapr-crd-schemas';
import {
  daprCrdFolder,
  kubernetesSchemas,
  kubeTool,
  prometheusOperatorCrdFolder,
  runTool,
} from './kube-tools';
import { kubernetesVersion } from './render-chart';

export interface Validation {
  status: number;
  summary: { valid: number; invalid: number; errors: number; skipped: number };
  problems: string[];
}

let crdSchemas: string | undefined;

/**
 * kubeconform -strict over rendered manifests: Kubernetes objects against the 1.33 schemas, Dapr
 * and Prometheus Operator objects against schemas converted from their CRDs. Nothing may be skipped for lack of a schema.
 */
export function validateManifests(yaml: string): Validation {
  crdSchemas ??= convertCrds();
  const result = runTool(
    kubeTool('kubeconform'),
    [
      '-strict',
      '-summary',
      '-output',
      'json',
      '-kubernetes-version',
      kubernetesVersion,
      '-schema-location',
      join(
        kubernetesSchemas(),
        '{{ .NormalizedKubernetesVersion }}-local-strict/{{ .ResourceKind }}{{ .KindSuffix }}.json',
      ),
      '-schema-location',
      daprSchemaLocation(crdSchemas),
      '-',
    ],
    { input: yaml },
  );
  const report = JSON.parse(result.stdout) as {
    resources: { kind: string; name: string; status: string; msg: string }[];
    summary: Validation['summary'];
  };
  return {
    status: result.status,
    summary: report.summary,
    problems: report.resources
      .filter((resource) => resource.status !== 'statusValid')
      .map((resource) => `${resource.kind}/${resource.name}: ${resource.status} ${resource.msg}`),
  };
}

function convertCrds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crd-schemas-'));
  writeDaprCrdSchemas(daprCrdFolder(), dir);
  writeDaprCrdSchemas(prometheusOperatorCrdFolder(), dir);
  return dir;
}
