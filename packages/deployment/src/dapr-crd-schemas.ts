import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

interface CustomResourceDefinition {
  kind: string;
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; schema: { openAPIV3Schema: Record<string, unknown> } }[];
  };
}

/** Where kubeconform finds the schemas written by writeDaprCrdSchemas. */
export const daprSchemaLocation = (dir: string) =>
  join(dir, '{{ .Group }}/{{ .ResourceKind }}_{{ .ResourceAPIVersion }}.json');

/**
 * Turns the Dapr CRDs into JSON schemas kubeconform can load, as strict as the Kubernetes ones:
 * an object that lists its properties accepts no others (unless the CRD preserves unknown fields).
 */
export function writeDaprCrdSchemas(crdFolder: string, outDir: string): string[] {
  const written: string[] = [];
  for (const file of readdirSync(crdFolder).filter((name) => name.endsWith('.yaml'))) {
    for (const document of parseAllDocuments(readFileSync(join(crdFolder, file), 'utf8'))) {
      const crd = document.toJS() as CustomResourceDefinition | null;
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const version of crd.spec.versions) {
        const path = join(
          outDir,
          crd.spec.group,
          `${crd.spec.names.kind.toLowerCase()}_${version.name}.json`,
        );
        mkdirSync(join(outDir, crd.spec.group), { recursive: true });
        writeFileSync(path, JSON.stringify(strict(version.schema.openAPIV3Schema)));
        written.push(path);
      }
    }
  }
  return written;
}

function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (typeof schema !== 'object' || schema === null) return schema;
  const result = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, strict(value)]),
  );
  const closeable =
    'properties' in result &&
    !('additionalProperties' in result) &&
    !result['x-kubernetes-preserve-unknown-fields'];
  return closeable ? { ...result, additionalProperties: false } : result;
}
