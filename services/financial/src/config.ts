import type { EnvironmentReader } from '@checkout/service-kit';

/** Financial settings from the environment; read by both composition roots. */
export function readFinancialConfig(env: EnvironmentReader) {
  return {
    /** A charge with no answer for this long is driven on by the sweeper. */
    chargeStuckAfterMs: env.integer('CHARGE_STUCK_AFTER_SECONDS', 120) * 1000,
  };
}
