import type { InferEntity } from '@mikro-orm/core';
import type { ChargeAttemptRecord, Checkout } from '../../domain/checkout';
import type { Payer } from '../../domain/payer';
import type { ChargeAttemptEntity, CheckoutEntity, PayerEntity } from './entities';

/** Financial's rows and the domain's shapes: nulls become absent fields, and back. */
type CheckoutRow = InferEntity<typeof CheckoutEntity>;
type PayerRow = InferEntity<typeof PayerEntity>;
type AttemptRow = InferEntity<typeof ChargeAttemptEntity>;

export const toCheckout = ({
  updatedAt: _u,
  declineReason,
  cardBrand,
  cardLast4,
  language,
  decidedAt,
  clientKey,
  ...row
}: CheckoutRow): Checkout => ({
  ...row,
  ...(declineReason && { declineReason }),
  ...(cardBrand && cardLast4 && { card: { brand: cardBrand, last4: cardLast4 } }),
  ...(language && { language }),
  ...(decidedAt && { decidedAt }),
  ...(clientKey && { clientKey }),
});

export const toCheckoutRow = ({
  card,
  declineReason,
  language,
  decidedAt,
  clientKey,
  ...checkout
}: Checkout) => ({
  ...checkout,
  declineReason: declineReason ?? null,
  cardBrand: card?.brand ?? null,
  cardLast4: card?.last4 ?? null,
  language: language ?? null,
  decidedAt: decidedAt ?? null,
  clientKey: clientKey ?? null,
  updatedAt: checkout.createdAt,
});

export const toPayerRow = (checkoutId: string, { address, ...payer }: Payer) => ({
  checkoutId,
  ...payer,
  ...address,
  complement: address.complement ?? null,
});

export const toPayer = ({
  checkoutId: _id,
  type,
  name,
  email,
  document,
  phone,
  complement,
  ...address
}: PayerRow): Payer => ({
  type,
  name,
  email,
  document,
  phone,
  address: { ...address, ...(complement && { complement }) },
});

export const toAttempt = ({
  checkoutId: _id,
  declineReason,
  ...row
}: AttemptRow): ChargeAttemptRecord => ({
  ...row,
  ...(declineReason && { declineReason }),
});
