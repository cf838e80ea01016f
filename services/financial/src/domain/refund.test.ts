import { refundRefusal, refundStateOf } from './refund';

const approvedAt = new Date('2026-05-04T12:00:00Z');
const daysLater = (days: number) => new Date(approvedAt.getTime() + days * 86_400_000);
const approved = { status: 'approved' as const, decidedAt: approvedAt };

describe('whether a checkout can be refunded', () => {
  it('is allowed until the window closes, and refused after', () => {
    expect(refundRefusal(approved, 7, daysLater(7))).toBeUndefined();
    expect(refundRefusal(approved, 7, daysLater(7.01))).toEqual({
      reason: 'refund_window_closed',
      windowDays: 7,
    });
  });

  it("follows a seller's longer window", () => {
    expect(refundRefusal(approved, 30, daysLater(29))).toBeUndefined();
    expect(refundRefusal(approved, 30, daysLater(31))).toMatchObject({ windowDays: 30 });
  });

  it('is refused for a checkout that was not approved', () => {
    expect(refundRefusal({ status: 'processing' }, 7, approvedAt)).toEqual({
      reason: 'not_approved',
    });
    expect(refundRefusal({ status: 'declined', decidedAt: approvedAt }, 7, approvedAt)).toEqual({
      reason: 'not_approved',
    });
  });
});

describe("a checkout's refund state", () => {
  it('is none, requested, then refunded', () => {
    expect(refundStateOf({})).toEqual({ status: 'none' });
    expect(refundStateOf({ refundRequestedAt: approvedAt })).toEqual({
      status: 'requested',
      requestedAt: approvedAt,
    });
    expect(refundStateOf({ refundRequestedAt: approvedAt, refundedAt: daysLater(1) })).toEqual({
      status: 'refunded',
      requestedAt: approvedAt,
      refundedAt: daysLater(1),
    });
  });
});
