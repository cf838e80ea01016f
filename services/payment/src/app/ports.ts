import type { Transaction } from '@checkout/service-kit';
import type { AcquirerAnswer } from '../domain/simulated-acquirer';

/** The card vault's reveal call, which only payment may make. */
export interface CardVault {
  revealCardNumber(token: string): Promise<string | undefined>;
}

export interface PaymentTransaction {
  recordAttempt(attempt: { checkoutId: string; attempt: number; answer: AcquirerAnswer }): void;
  publish: Transaction['publish'];
}

export interface PaymentStore {
  /** Runs `work` unless this consumer already handled the event. */
  handleOnce(
    eventId: string,
    consumer: string,
    work: (tx: PaymentTransaction) => Promise<void>,
  ): Promise<void>;
}
