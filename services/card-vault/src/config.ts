import type { EnvironmentReader } from '@checkout/service-kit';

/** Card vault settings from the environment; read by both composition roots. */
export function readCardVaultConfig(env: EnvironmentReader) {
  return {
    /** How long a card that was never charged is kept. */
    cardTtlSeconds: env.integer('CARD_TTL_SECONDS', 3600),
    /** Cards one client address may hand over per window: card testing needs many. */
    cardLimits: {
      perClient: env.integer('CARDS_PER_CLIENT', 60),
      windowSeconds: env.integer('CARD_LIMIT_WINDOW_SECONDS', 60),
    },
  };
}
