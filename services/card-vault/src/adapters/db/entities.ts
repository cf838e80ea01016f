import { defineEntity } from '@mikro-orm/core';
import type { CardBrand } from '../../domain/card';

/** A sealed card: ciphertext plus what may be shown (brand, last four digits, expiry). */
export const CardRecordEntity = defineEntity({
  name: 'CardRecord',
  tableName: 'card_record',
  properties: (p) => ({
    token: p.string().primary(),
    keyId: p.string(),
    ciphertext: p.blob(),
    brand: p.string().$type<CardBrand>(),
    last4: p.string(),
    expMonth: p.integer(),
    expYear: p.integer(),
    expiresAt: p.datetime(),
  }),
});
