import {
  pixWebhookSignatureProblem,
  signatureToleranceMs,
  signPixWebhook,
} from './pix-webhook-signature';

const key = { id: 'psp-1', key: Buffer.alloc(32, 7) };
const findKey = (id: string) => (id === key.id ? key : undefined);
const body = Buffer.from('{"pix":[{"endToEndId":"E1","txid":"t1","valor":"297.00"}]}');
const now = new Date('2026-05-04T13:20:00Z');

describe("a PIX webhook's signature", () => {
  it('is accepted for the body it signed, at the time it was signed', () => {
    const header = signPixWebhook(key, body, now);
    expect(header).toMatch(/^t=\d+,kid=psp-1,v1=[0-9a-f]{64}$/);
    expect(pixWebhookSignatureProblem(header, body, findKey, now)).toBeUndefined();
  });

  it('is refused for a body changed by one byte, another key, or none', () => {
    const header = signPixWebhook(key, body, now);
    const changed = Buffer.from(body.toString().replace('297.00', '297.01'));
    expect(pixWebhookSignatureProblem(header, changed, findKey, now)).toBe('mismatch');
    const other = signPixWebhook({ id: 'psp-1', key: Buffer.alloc(32, 8) }, body, now);
    expect(pixWebhookSignatureProblem(other, body, findKey, now)).toBe('mismatch');
    const unknown = signPixWebhook({ id: 'psp-9', key: key.key }, body, now);
    expect(pixWebhookSignatureProblem(unknown, body, findKey, now)).toBe('unknown_key');
    expect(pixWebhookSignatureProblem(undefined, body, findKey, now)).toBe('missing');
    expect(pixWebhookSignatureProblem('v1=abc', body, findKey, now)).toBe('malformed');
  });

  it('is refused once replayed outside the window, and a new time cannot be put on it', () => {
    const header = signPixWebhook(key, body, now);
    const later = new Date(now.getTime() + signatureToleranceMs + 1000);
    expect(pixWebhookSignatureProblem(header, body, findKey, later)).toBe('stale');
    const retimed = header.replace(/^t=\d+/, `t=${Math.floor(later.getTime() / 1000)}`);
    expect(pixWebhookSignatureProblem(retimed, body, findKey, later)).toBe('mismatch');
  });
});
