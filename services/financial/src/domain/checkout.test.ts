import {
  maxChargeAttempts,
  maxChargeRecoveries,
  nextStepAfterAttempt,
  nextStepForStuckCharge,
} from './checkout';

describe('the step after a charge attempt', () => {
  it('approves an approved attempt', () => {
    expect(nextStepAfterAttempt(1, 'approved')).toEqual({ kind: 'approve' });
  });

  it('declines with the acquirer reason', () => {
    expect(nextStepAfterAttempt(1, 'declined', 'insufficient_funds')).toEqual({
      kind: 'decline',
      reason: 'insufficient_funds',
    });
  });

  it('retries a gateway error with a growing pause', () => {
    expect(nextStepAfterAttempt(1, 'gateway_error')).toEqual({
      kind: 'retry',
      attempt: 2,
      delayMs: 500,
    });
    expect(nextStepAfterAttempt(2, 'gateway_error')).toEqual({
      kind: 'retry',
      attempt: 3,
      delayMs: 1000,
    });
  });

  it('gives up with a processing error after the last attempt', () => {
    expect(nextStepAfterAttempt(maxChargeAttempts, 'gateway_error')).toEqual({
      kind: 'decline',
      reason: 'processing_error',
    });
  });
});

describe('the step for a charge that got no answer in time', () => {
  it('asks again for the same attempt, so the acquirer sees the same idempotency key', () => {
    expect(nextStepForStuckCharge({ attempts: 2, recoveries: 0 })).toEqual({
      kind: 'request-again',
      attempt: 2,
    });
  });

  it('makes it the last call once it has asked again enough times', () => {
    expect(nextStepForStuckCharge({ attempts: 1, recoveries: maxChargeRecoveries })).toEqual({
      kind: 'last-call',
      attempt: 1,
    });
  });
});
