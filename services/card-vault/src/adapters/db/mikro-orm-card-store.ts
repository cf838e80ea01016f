import type { Database } from '@checkout/service-kit';
import type { CardStore } from '../../app/ports';
import { CardRecordEntity } from './entities';

export function createMikroOrmCardStore(orm: Database): CardStore {
  return {
    save: async ({ sealed, ...card }) => {
      await orm.em
        .fork()
        .insert(CardRecordEntity, { ...card, keyId: sealed.keyId, ciphertext: sealed.ciphertext });
    },
    find: async (token) => {
      const row = await orm.em
        .fork()
        .findOne(CardRecordEntity, { token, expiresAt: { $gt: new Date() } });
      if (!row) return undefined;
      const { keyId, ciphertext, ...card } = row;
      return { ...card, sealed: { keyId, ciphertext: Buffer.from(ciphertext) } };
    },
    reseal: async (token, sealed) => {
      await orm.em
        .fork()
        .nativeUpdate(
          CardRecordEntity,
          { token },
          { keyId: sealed.keyId, ciphertext: sealed.ciphertext },
        );
    },
    erase: async (token) => {
      await orm.em.fork().nativeDelete(CardRecordEntity, { token });
    },
    eraseExpired: async (now) => {
      await orm.em.fork().nativeDelete(CardRecordEntity, { expiresAt: { $lte: now } });
    },
  };
}
