/**
 * How a course may be paid in installments: up to `maxInstallments`, the first
 * `interestFreeInstallments` counts at the price itself, longer ones at a monthly rate in basis
 * points (199 = 1,99 % a month) by the Price table (Tabela Price).
 */
export interface InstallmentPlan {
  maxInstallments: number;
  interestFreeInstallments: number;
  monthlyInterestBps: number;
}

/** One way to pay: `count` installments of `installmentCents`, the last one `lastInstallmentCents`. */
export interface InstallmentOption {
  count: number;
  installmentCents: number;
  /** Absorbs the rounding, so the installments add up to `totalCents` exactly. */
  lastInstallmentCents: number;
  totalCents: number;
  interestFree: boolean;
}

/** One payment of the whole price: what a checkout without installments is. */
export const singlePayment = (priceCents: number): InstallmentOption => ({
  count: 1,
  installmentCents: priceCents,
  lastInstallmentCents: priceCents,
  totalCents: priceCents,
  interestFree: true,
});

/**
 * The installment of the Price table, before rounding: P·i / (1 − (1 + i)^−n), and P / n without
 * interest. The total is this times n rounded to the cent once, so the rounding of each
 * installment never adds up to more than a cent of difference.
 */
function exactInstallment(priceCents: number, count: number, monthlyRate: number): number {
  if (monthlyRate === 0) return priceCents / count;
  return (priceCents * monthlyRate) / (1 - (1 + monthlyRate) ** -count);
}

export function installmentOption(
  priceCents: number,
  plan: InstallmentPlan,
  count: number,
): InstallmentOption | undefined {
  if (!Number.isInteger(count) || count < 1 || count > plan.maxInstallments) return undefined;
  const interestFree = count <= plan.interestFreeInstallments || plan.monthlyInterestBps === 0;
  const rate = interestFree ? 0 : plan.monthlyInterestBps / 10_000;
  const exact = exactInstallment(priceCents, count, rate);
  const totalCents = Math.round(exact * count);
  const installmentCents = Math.round(exact);
  const lastInstallmentCents = totalCents - installmentCents * (count - 1);
  return { count, installmentCents, lastInstallmentCents, totalCents, interestFree };
}

/** Every way to pay a course, from one payment to its maximum number of installments. */
export const installmentOptions = (priceCents: number, plan: InstallmentPlan) =>
  Array.from({ length: plan.maxInstallments }, (_, i) =>
    installmentOption(priceCents, plan, i + 1)!,
  );
