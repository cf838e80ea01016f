import { parser } from '@prometheus-io/lezer-promql';

/** What is wrong with one PromQL expression: where it does not parse, the series it names that nobody exports. */
export interface PromqlProblems {
  syntaxErrorsAt: number[];
  unknownSeries: string[];
}

/**
 * Parses `expr` with Prometheus's own grammar (the one its UI uses) and checks the metric name
 * of every vector selector against `exported`.
 */
export function checkPromql(expr: string, exported: ReadonlySet<string>): PromqlProblems {
  const problems: PromqlProblems = { syntaxErrorsAt: [], unknownSeries: [] };
  const cursor = parser.parse(expr).cursor();
  do {
    if (cursor.type.isError) problems.syntaxErrorsAt.push(cursor.from);
    if (cursor.name === 'Identifier' && cursor.node.parent?.name === 'VectorSelector') {
      const name = expr.slice(cursor.from, cursor.to);
      if (!exported.has(name)) problems.unknownSeries.push(name);
    }
  } while (cursor.next());
  return problems;
}

const suffixes: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

/**
 * The series names a Prometheus text scrape exports, whether or not they have samples yet: every
 * declared metric, a histogram as its _bucket, _sum and _count series, a summary with its _sum and
 * _count.
 */
export function exportedSeries(scrape: string): Set<string> {
  const names = new Set<string>();
  for (const [, name = '', type = ''] of scrape.matchAll(/^# TYPE (\w+) (\w+)$/gm))
    for (const suffix of suffixes[type] ?? ['']) names.add(name + suffix);
  return names;
}
