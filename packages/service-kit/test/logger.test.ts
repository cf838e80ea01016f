import { logFormat } from '@checkout/service-kit';
import { capturedLogger } from '@checkout/test-kit';

/**
 * Every field the logger must hide, listed here rather than read from the logger, so that a
 * path dropped from createLogger's redaction fails this test.
 */
const hiddenFields = [
  'number',
  'cvc',
  'password',
  'token',
  'activationToken',
  'accessToken',
  'cardToken',
  'card',
  'document',
  'email',
  'phone',
  'address',
  'postalCode',
  'birthDate',
  'payer',
  'student',
  'sql',
  'parameters',
  'bindings',
];

describe('the log', () => {
  it.each(hiddenFields)('hides %s at the top level and two levels down', (field) => {
    const { logger, lines } = capturedLogger();
    const value = `value-of-${field}`;
    logger.info({ [field]: value }, 'top level');
    logger.info({ body: { [field]: value } }, 'one level down');
    logger.info({ request: { body: { [field]: value } } }, 'two levels down');
    expect(lines.map((line) => line.msg)).toEqual([
      'top level',
      'one level down',
      'two levels down',
    ]);
    expect(JSON.stringify(lines)).not.toContain(value);
    expect(JSON.stringify(lines)).toContain('[redacted]');
  });

  it('hides the credentials of a logged request', () => {
    const { logger, lines } = capturedLogger();
    logger.info(
      { req: { headers: { authorization: 'Bearer secret-access', cookie: 'sid=secret-session' } } },
      'request',
    );
    expect(JSON.stringify(lines)).not.toMatch(/secret-access|secret-session/);
  });

  it('keeps the fields that are not personal or secret', () => {
    const { logger, lines } = capturedLogger();
    logger.info({ checkout: { holderName: 'Ana', status: 'approved' } }, 'checkout');
    expect(lines[0]).toMatchObject({ checkout: { holderName: 'Ana', status: 'approved' } });
  });
});

describe('the log format', () => {
  it('is readable lines on a terminal and JSON anywhere else, unless LOG_FORMAT says', () => {
    expect(logFormat({}, { isTTY: true })).toBe('pretty');
    expect(logFormat({}, { isTTY: false })).toBe('json');
    expect(logFormat({}, {})).toBe('json');
    expect(logFormat({ LOG_FORMAT: 'json' }, { isTTY: true })).toBe('json');
    expect(logFormat({ LOG_FORMAT: ' pretty ' }, {})).toBe('pretty');
  });
});
