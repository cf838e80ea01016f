import { ChargeAttempted, CheckoutApproved, CheckoutDeclined } from '@checkout/contracts';
import {
  createServiceRuntime,
  BackgroundLoop,
  rateLimit,
  subscribeTo,
  type ServiceContext,
  type ServiceRuntime,
} from '@checkout/service-kit';
import { createCardVaultRouter } from './adapters/http/card-vault-router';
import { createCardVaultInternalRouter } from './adapters/http/internal-router';
import { dropCvcOnceAnswered } from './app/drop-cvc-once-answered';
import { eraseCardOnFinalCharge } from './app/erase-card-on-final-charge';
import type { CardStore, ChargeableCard } from './app/ports';
import { revealCardNumber } from './app/reveal-card-number';
import type { KeyRing } from './domain/card-cipher';

export interface CardVaultDeps extends ServiceContext {
  /** Where sealed cards live: a table (createSqlCardStore) or a Dapr state store. */
  cardStore: CardStore;
  keys: KeyRing;
  cardTtlSeconds: number;
  /** POST /cards allowed per client address (req.ip) in each window. */
  cardLimits: { perClient: number; windowSeconds: number };
  /** How often cards past their TTL are deleted; 30 s unless a test needs it sooner. */
  expiredCardSweepMs?: number;
}

export interface CardVaultService extends ServiceRuntime {
  /** For payment only; across processes a Dapr invocation that access control limits to payment. */
  revealCardNumber(token: string): Promise<string | undefined>;
  /** The brand and last four digits of a card the vault can still charge, for financial. */
  findChargeableCard(token: string): Promise<ChargeableCard | undefined>;
}

/**
 * The names card-vault's subscriptions go by. Its effects are idempotent (see CardStore), so no
 * inbox records them under these names.
 */
const inbox = {
  eraseCardOnFinalCharge: 'card-vault.erase-card-on-final-charge',
  dropCvcOnceAnswered: 'card-vault.drop-cvc-once-answered',
} as const;

export function createCardVaultService(deps: CardVaultDeps): CardVaultService {
  return createServiceRuntime('card-vault', deps, () => {
    const store = deps.cardStore;
    const eraser = { service: 'card-vault', inbox: inbox.eraseCardOnFinalCharge };
    for (const finalEvent of [CheckoutApproved, CheckoutDeclined]) {
      subscribeTo(deps.bus, finalEvent, eraser, deps.logger, async (event) => {
        await eraseCardOnFinalCharge(store, event);
        return 'SUCCESS';
      });
    }
    const cvcDropper = { service: 'card-vault', inbox: inbox.dropCvcOnceAnswered };
    subscribeTo(deps.bus, ChargeAttempted, cvcDropper, deps.logger, async (event) => {
      await dropCvcOnceAnswered({ store, keys: deps.keys }, event);
      return 'SUCCESS';
    });
    const expiredCardSweeper = new BackgroundLoop(
      'expired-card sweeper',
      () => store.eraseExpired(new Date()),
      deps.logger.child({ component: 'expired-card-sweeper' }),
      deps.expiredCardSweepMs ?? 30_000,
    );
    const calls = {
      revealCardNumber: (token: string) => revealCardNumber({ store, keys: deps.keys }, token),
      findChargeableCard: async (token: string) => {
        const record = await store.find(token);
        return record && { brand: record.brand, last4: record.last4 };
      },
    };
    const { perClient, windowSeconds } = deps.cardLimits;
    const perClientLimit = { name: 'cards-client', points: perClient, windowSeconds };
    return {
      router: createCardVaultRouter({
        store,
        keys: deps.keys,
        cardTtlSeconds: deps.cardTtlSeconds,
        cardLimit: rateLimit(deps.orm, perClientLimit, (req) => String(req.ip)),
      }),
      internalRouter: createCardVaultInternalRouter(calls),
      jobs: [expiredCardSweeper],
      ...calls,
    };
  });
}
