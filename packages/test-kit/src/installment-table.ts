import { formatBrl, type ApiSchemas } from '@checkout/client';

/**
 * The installment options of a course as the docs show them: a Markdown table rendered from what
 * GET /courses/{id}/installments answers, so a test can hold the docs to the endpoint to the cent.
 */
export function installmentTable({ items }: ApiSchemas['InstallmentOptions']): string {
  // A plain space in the docs where Intl writes a no-break one.
  const brl = (cents: number) => formatBrl(cents, 'pt-BR').replace('\u00a0', ' ');
  return [
    '| Installments | Each | Last | Total | Interest |',
    '| ---: | ---: | ---: | ---: | --- |',
    ...items.map(
      (o) =>
        `| ${o.count} | ${brl(o.installmentCents)} | ${brl(o.lastInstallmentCents)} | ${brl(o.totalCents)} | ${o.interestFree ? 'free' : 'Price table'} |`,
    ),
  ].join('\n');
}

/**
 * The cells of the table between `<!-- installments:<courseId> -->` and `<!-- /installments -->`
 * in a doc, row by row, as Prettier's column padding leaves them.
 */
export function installmentTableIn(markdown: string, courseId: string): string[][] | undefined {
  const start = `<!-- installments:${courseId} -->`;
  const from = markdown.indexOf(start);
  const to = markdown.indexOf('<!-- /installments -->', from);
  return from < 0 || to < 0 ? undefined : tableCells(markdown.slice(from + start.length, to));
}

/** A Markdown table's cells, trimmed, with a separator row's dashes counted as one. */
export const tableCells = (table: string): string[][] =>
  table
    .trim()
    .split('\n')
    .map((row) =>
      row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim().replace(/-+/g, '-')),
    );
