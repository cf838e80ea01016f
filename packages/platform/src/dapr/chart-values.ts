import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@checkout/local-infra';
import { parse } from 'yaml';
import type { ServiceName } from '../services';

/** What start:dapr takes from a service's block in the chart's values. */
export interface ServiceValues {
  secrets: string[];
  /** Callee → the operations this service may invoke on it, as "VERB /path". */
  invokes?: Record<string, string[]>;
  /** V8's old-space limit in MB (--max-old-space-size), sized from the bench's measured peaks. */
  heapMb?: number;
  /** V8's young generation per semi-space in MB (--max-semi-space-size), with heapMb. */
  semiSpaceMb?: number;
}

/**
 * The services' blocks of charts/course-checkout/values.yaml: one source for what the chart
 * renders and what start:dapr runs (access control, secrets, heap limits).
 */
export function chartServiceValues(): Partial<Record<ServiceName, ServiceValues>> {
  const values = parse(
    readFileSync(join(repoRoot, 'charts/course-checkout/values.yaml'), 'utf8'),
  ) as { serviceDefaults: Partial<ServiceValues>; services: Record<ServiceName, ServiceValues> };
  // As the chart merges them: a service's block over the defaults.
  return Object.fromEntries(
    Object.entries(values.services).map(([name, block]) => [
      name,
      { ...values.serviceDefaults, ...block },
    ]),
  );
}

/** NODE_OPTIONS as the chart gives a service's container, after any the environment already has. */
export function serviceNodeOptions(name: ServiceName, inherited = ''): string {
  const { heapMb, semiSpaceMb } = chartServiceValues()[name] ?? {};
  const limits = heapMb
    ? [`--max-old-space-size=${heapMb}`, semiSpaceMb && `--max-semi-space-size=${semiSpaceMb}`]
    : [];
  return [inherited, ...limits].filter(Boolean).join(' ');
}
