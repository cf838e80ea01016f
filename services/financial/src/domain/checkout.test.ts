import { maxChargeAttempts, nextStepAfterAttempt } from './checkout';

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
