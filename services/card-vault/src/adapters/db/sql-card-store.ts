import { sqlOf, type Database } from '@checkout/service-kit';
import type { CardRecord, CardStore } from '../../app/ports';

interface CardRow {
  token: string;
  key_id: string;
  ciphertext: Buffer;
  brand: CardRecord['brand'];
  last4: string;
  exp_month: number;
  exp_year: number;
  expires_at: Date;
}

// Named, never `*`: statements are prepared, and a prepared `select *` fails once a migration
// adds a column.
const cardColumns = `"token", "key_id", "ciphertext", "brand", "last4", "exp_month", "exp_year",
  "expires_at"`;

/** Cards in the service's table, in plain SQL: every checkout reads its card three times. */
export function createSqlCardStore(orm: Database): CardStore {
  const sql = sqlOf(orm);
  return {
    save: async ({ sealed, ...card }) => {
      await sql.run(
        `insert into "card_vault"."card_record" (${cardColumns})
          values ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          card.token,
          sealed.keyId,
          sealed.ciphertext,
          card.brand,
          card.last4,
          card.expMonth,
          card.expYear,
          card.expiresAt,
        ],
      );
    },
    find: async (token) => {
      const [row] = await sql.rows<CardRow>(
        `select ${cardColumns} from "card_vault"."card_record"
          where "token" = $1 and "expires_at" > $2`,
        [token, new Date()],
      );
      return (
        row && {
          token: row.token,
          sealed: { keyId: row.key_id, ciphertext: row.ciphertext },
          brand: row.brand,
          last4: row.last4,
          expMonth: row.exp_month,
          expYear: row.exp_year,
          expiresAt: row.expires_at,
        }
      );
    },
    reseal: async (token, sealed) => {
      await sql.run(
        `update "card_vault"."card_record" set "key_id" = $2, "ciphertext" = $3 where "token" = $1`,
        [token, sealed.keyId, sealed.ciphertext],
      );
    },
    erase: async (token) => {
      await sql.run(`delete from "card_vault"."card_record" where "token" = $1`, [token]);
    },
    eraseExpired: async (now) => {
      await sql.run(`delete from "card_vault"."card_record" where "expires_at" <= $1`, [now]);
    },
  };
}
