import { ConfigError, readEnvironment, type EnvironmentReader } from './config';

/** Reads with `read` from `env` and returns the config, or the one-line error it was refused with. */
function parse<T>(env: NodeJS.ProcessEnv, read: (reader: EnvironmentReader) => T) {
  const reader = readEnvironment(env);
  try {
    return reader.done(read(reader));
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

const language = (env: NodeJS.ProcessEnv) =>
  parse(env, (read) => read.oneOf('EMAIL_LANGUAGE', ['pt-BR', 'en'] as const, 'pt-BR'));
const sender = (env: NodeJS.ProcessEnv) =>
  parse(env, (read) => read.mailbox('MAIL_FROM', 'Cursos <no-reply@checkout.local>'));

describe('reading the environment', () => {
  it('takes a value from a closed list as given, and the default when it is unset or blank', () => {
    expect(language({ EMAIL_LANGUAGE: 'en' })).toBe('en');
    expect(language({ EMAIL_LANGUAGE: ' pt-BR ' })).toBe('pt-BR');
    expect(language({})).toBe('pt-BR');
    expect(language({ EMAIL_LANGUAGE: '' })).toBe('pt-BR');
  });

  it('refuses a value outside the list, naming the variable and what it accepts', () => {
    expect(language({ EMAIL_LANGUAGE: 'fr' })).toBe(
      'Invalid configuration: EMAIL_LANGUAGE must be one of pt-BR, en, got "fr"',
    );
    expect(language({ EMAIL_LANGUAGE: 'EN' })).toMatch(/must be one of pt-BR, en/);
  });

  it('takes a sender with or without a name', () => {
    expect(sender({ MAIL_FROM: 'Loja <loja@example.com>' })).toBe('Loja <loja@example.com>');
    expect(sender({ MAIL_FROM: 'loja@example.com' })).toBe('loja@example.com');
    expect(sender({})).toBe('Cursos <no-reply@checkout.local>');
  });

  it('refuses a sender that is not one address, without repeating the value', () => {
    for (const MAIL_FROM of ['Cursos', 'a@example.com, b@example.com', 'Loja <loja>']) {
      const refusal = sender({ MAIL_FROM });
      expect(refusal).toBe(
        'Invalid configuration: MAIL_FROM must be one e-mail address, optionally named: Name <address@domain>',
      );
    }
  });

  it('takes a list of web origins, none by default, and refuses anything that is not an origin', () => {
    const origins = (ALLOWED_ORIGINS?: string) =>
      parse({ ALLOWED_ORIGINS }, (read) => read.origins('ALLOWED_ORIGINS'));
    expect(origins()).toEqual([]);
    expect(origins('https://shop.example, http://localhost:3000')).toEqual([
      'https://shop.example',
      'http://localhost:3000',
    ]);
    expect(origins('https://shop.example/')).toBe(
      'Invalid configuration: ALLOWED_ORIGINS must list origins such as https://shop.example, got "https://shop.example/"',
    );
    expect(origins('shop.example')).toMatch(/got "shop.example"/);
  });

  it('trusts no proxy by default, and takes a hop count or Express-style addresses', () => {
    const trust = (value?: string) =>
      parse(value === undefined ? {} : { TRUST_PROXY: value }, (read) =>
        read.proxyTrust('TRUST_PROXY'),
      );
    expect(trust()).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('1')).toBe(1);
    expect(trust('loopback')).toBe('loopback');
    expect(trust('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
  });

  it('refuses a proxy trust a client could forge or Express could not read', () => {
    const trust = (value: string) =>
      parse({ TRUST_PROXY: value }, (read) => read.proxyTrust('TRUST_PROXY'));
    expect(trust('true')).toMatch(/TRUST_PROXY .*true would trust any X-Forwarded-For/);
    expect(trust('10.0.0.0/33')).toMatch(/^Invalid configuration: TRUST_PROXY must be a hop count/);
    expect(trust('the-ingress')).toMatch(/TRUST_PROXY/);
  });

  it('refuses a whole number under its minimum, naming both', () => {
    const days = (value: string) =>
      parse({ REFUND_WINDOW_DAYS: value }, (read) => read.integer('REFUND_WINDOW_DAYS', 7, 7));
    expect(days('6')).toBe('Invalid configuration: REFUND_WINDOW_DAYS must be 7 or more, got 6');
    expect(days('30')).toBe(30);
  });

  it('reports every problem in one message', () => {
    const reader = readEnvironment({ EMAIL_LANGUAGE: 'fr', PORT: 'eighty' });
    reader.oneOf('EMAIL_LANGUAGE', ['pt-BR', 'en']);
    reader.integer('PORT', 8080);
    reader.url('PUBLIC_URL');
    expect(() => reader.done({})).toThrow(
      'Invalid configuration: EMAIL_LANGUAGE must be one of pt-BR, en, got "fr"; PORT must be a whole number, got "eighty"; PUBLIC_URL is required',
    );
  });
});
