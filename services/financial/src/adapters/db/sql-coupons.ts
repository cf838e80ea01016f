import type { Sql } from '@checkout/service-kit';
import type { Coupon } from '../../domain/coupon';

interface CouponRow {
  code: string;
  percent_off: number | null;
  amount_off_cents: number | null;
  course_id: string | null;
  valid_from: Date | null;
  valid_until: Date | null;
  max_uses: number | null;
  uses: number;
  created_at: Date;
}

const couponColumns = `"code", "percent_off", "amount_off_cents", "course_id", "valid_from",
  "valid_until", "max_uses", "uses", "created_at"`;

const toCoupon = (row: CouponRow): Coupon => ({
  code: row.code,
  discount:
    row.percent_off !== null
      ? { percentOff: row.percent_off }
      : { amountOffCents: row.amount_off_cents! },
  ...(row.course_id !== null && { courseId: row.course_id }),
  ...(row.valid_from && { validFrom: row.valid_from }),
  ...(row.valid_until && { validUntil: row.valid_until }),
  ...(row.max_uses !== null && { maxUses: row.max_uses }),
  uses: row.uses,
  createdAt: row.created_at,
});

/** Coupons in plain SQL: the uses only ever change in one conditional statement each. */
export const sqlCoupons = (sql: Sql) => ({
  findCoupon: async (code: string) => {
    const [row] = await sql.rows<CouponRow>(
      `select ${couponColumns} from "financial"."coupon" where "code" = $1`,
      [code],
    );
    return row && toCoupon(row);
  },
  listCoupons: async () =>
    (
      await sql.rows<CouponRow>(
        `select ${couponColumns} from "financial"."coupon" order by "created_at" desc, "code"`,
      )
    ).map(toCoupon),
  addCoupon: async (coupon: Coupon) =>
    (await sql.run(
      `insert into "financial"."coupon" (${couponColumns})
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing`,
      [
        coupon.code,
        'percentOff' in coupon.discount ? coupon.discount.percentOff : null,
        'amountOffCents' in coupon.discount ? coupon.discount.amountOffCents : null,
        coupon.courseId ?? null,
        coupon.validFrom ?? null,
        coupon.validUntil ?? null,
        coupon.maxUses ?? null,
        coupon.uses,
        coupon.createdAt,
      ],
    )) > 0,
  // The row lock makes a concurrent taker wait for this transaction, then look at the uses again:
  // the last use goes to one of them.
  takeCouponUse: async (code: string) =>
    (await sql.run(
      `update "financial"."coupon" set "uses" = "uses" + 1
        where "code" = $1 and ("max_uses" is null or "uses" < "max_uses")`,
      [code],
    )) > 0,
  giveBackCouponUse: async (code: string) => {
    await sql.run(`update "financial"."coupon" set "uses" = "uses" - 1 where "code" = $1`, [code]);
  },
  // Marking the checkout and counting the use back are one statement, which does nothing for a
  // checkout that has given its use back already.
  releaseCouponUse: async (checkoutId: string, at: Date) =>
    (await sql.run(
      `with "returned" as (
         update "financial"."checkout" set "coupon_use_returned_at" = $2
          where "id" = $1 and "coupon_code" is not null and "coupon_use_returned_at" is null
          returning "coupon_code")
       update "financial"."coupon" set "uses" = "uses" - 1
        where "code" = (select "coupon_code" from "returned")`,
      [checkoutId, at],
    )) > 0,
});
