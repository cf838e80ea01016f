import { Writable } from 'node:stream';
import pino from 'pino';
import { redactedPaths } from '../src/logger';

describe('log redaction', () => {
  it('hides card fields, passwords and tokens even when a whole body is logged', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = pino({ redact: { paths: redactedPaths, censor: '[redacted]' } }, sink);
    logger.info(
      {
        body: { number: '4242424242424242', cvc: '123', holderName: 'Ana' },
        card: { number: '4000000000000002' },
        request: { body: { password: 'hunter22', token: 'secret-token' } },
      },
      'careless log line',
    );
    const line = lines.join('');
    for (const secret of [
      '4242424242424242',
      '4000000000000002',
      '123"',
      'hunter22',
      'secret-token',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('"holderName":"Ana"');
  });
});
