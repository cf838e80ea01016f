import type { ApiSchemas } from '@checkout/contracts';
import type { FinancialStore, SalePosition } from './ports';
import { toSaleView } from './sale-view';

/** The cursor is where the page ended, opaque to the seller: approval time and id. */
const toCursor = ({ decidedAt, id }: SalePosition) =>
  Buffer.from(`${decidedAt.toISOString()}|${id}`).toString('base64url');

/** Only a cursor a page gave: its time exactly as written there (the database reads no other). */
function fromCursor(cursor: string): SalePosition | undefined {
  const [at = '', id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const decidedAt = new Date(at);
  const asWritten = !Number.isNaN(decidedAt.getTime()) && decidedAt.toISOString() === at;
  return id && asWritten && at.length === 24 ? { decidedAt, id } : undefined;
}

export type ListSalesResult =
  | { ok: true; page: { items: ApiSchemas['Sale'][]; nextCursor?: string } }
  | { ok: false; reason: 'invalid_cursor' };

/** A page of the seller's sales, newest approval first, with the cursor of the next if any. */
export async function listSales(
  store: FinancialStore,
  { limit, cursor }: { limit: number; cursor?: string },
): Promise<ListSalesResult> {
  const after = cursor === undefined ? undefined : fromCursor(cursor);
  if (cursor !== undefined && !after) return { ok: false, reason: 'invalid_cursor' };
  // One more than the page, to tell whether another follows.
  const sales = await store.listSales(limit + 1, after);
  const page = sales.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    sales.length > limit && last?.decidedAt
      ? toCursor({ decidedAt: last.decidedAt, id: last.id })
      : undefined;
  return { ok: true, page: { items: page.map(toSaleView), ...(nextCursor && { nextCursor }) } };
}
