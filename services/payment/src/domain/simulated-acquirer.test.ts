import { askSimulatedAcquirer } from './simulated-acquirer';

describe('the simulated acquirer', () => {
  it('approves 4242 4242 4242 4242', () => {
    expect(askSimulatedAcquirer('4242424242424242', 1)).toEqual({ outcome: 'approved' });
  });

  it('declines the documented decline cards with their reasons', () => {
    expect(askSimulatedAcquirer('4000000000000002', 1)).toEqual({
      outcome: 'declined',
      declineReason: 'card_declined',
    });
    expect(askSimulatedAcquirer('4000000000009995', 1)).toEqual({
      outcome: 'declined',
      declineReason: 'insufficient_funds',
    });
  });

  it('fails the transient card once, then approves it', () => {
    expect(askSimulatedAcquirer('4000000000000119', 1)).toEqual({ outcome: 'gateway_error' });
    expect(askSimulatedAcquirer('4000000000000119', 2)).toEqual({ outcome: 'approved' });
  });

  it('approves other cards ending in an even digit and declines odd ones', () => {
    expect(askSimulatedAcquirer('5555555555554444', 1)).toEqual({ outcome: 'approved' });
    expect(askSimulatedAcquirer('4111111111111111', 1)).toEqual({
      outcome: 'declined',
      declineReason: 'insufficient_funds',
    });
  });
});
