import { defineEntity } from '@mikro-orm/core';
import type { CardBrand } from '../../domain/card';

/** A sealed card: ciphertext plus what may be shown (brand, last four digits, expiry). */
export const CardRecordEntity = defineEntity({
  name: 'CardRecord',
  tableName: 'card_record',
  properties: (p) => ({
    token: p.text().primary(),
    keyId: p.text(),
    ciphertext: p.blob(),
    brand: p.text().$type<CardBrand>(),
    last4: p.character().length(4),
    expMonth: p.integer(),
    expYear: p.integer(),
    expiresAt: p.datetime(),
  }),
  indexes: [{ name: 'card_record_expires_at_idx', properties: 'expiresAt' }],
});
