import { ConfigError, readEnvironment } from '@checkout/service-kit';
import { readNotificationConfig } from './config';

/** The config both composition roots get from `env`, or the one-line error it was refused with. */
function configFrom(env: NodeJS.ProcessEnv, fallback?: { publicUrl?: string }) {
  const reader = readEnvironment(env);
  try {
    return reader.done(readNotificationConfig(reader, fallback));
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

const publicUrl = 'https://cursos.example/';

describe('notification configuration', () => {
  it('writes e-mails in pt-BR unless EMAIL_LANGUAGE says en', () => {
    const language = (EMAIL_LANGUAGE?: string) => {
      const config = configFrom({ PUBLIC_URL: publicUrl, EMAIL_LANGUAGE });
      return typeof config === 'string' ? config : config.settings.language;
    };
    expect([language(), language('pt-BR'), language('en')]).toEqual(['pt-BR', 'pt-BR', 'en']);
  });

  it('refuses any other language instead of writing pt-BR', () => {
    expect(configFrom({ PUBLIC_URL: publicUrl, EMAIL_LANGUAGE: 'fr' })).toBe(
      'Invalid configuration: EMAIL_LANGUAGE must be one of pt-BR, en, got "fr"',
    );
  });

  it('hands the mailer the sender from MAIL_FROM, or the default one', () => {
    const sender = (MAIL_FROM?: string) => {
      const config = configFrom({ PUBLIC_URL: publicUrl, MAIL_FROM });
      return typeof config === 'string' ? config : config.mailFrom;
    };
    expect(sender('Loja <loja@example.com>')).toBe('Loja <loja@example.com>');
    expect(sender()).toBe('Cursos <no-reply@checkout.local>');
    expect(sender('Loja')).toMatch(/^Invalid configuration: MAIL_FROM must be one e-mail address/);
  });

  it('builds links on PUBLIC_URL without its trailing slash, and needs one where no root gives a default', () => {
    expect(configFrom({ PUBLIC_URL: publicUrl })).toMatchObject({
      settings: { publicUrl: 'https://cursos.example' },
    });
    expect(configFrom({}, { publicUrl: 'http://localhost:8080' })).toMatchObject({
      settings: { publicUrl: 'http://localhost:8080' },
    });
    expect(configFrom({})).toBe('Invalid configuration: PUBLIC_URL is required');
  });

  it('never retries e-mails sooner than a second apart', () => {
    expect(
      configFrom({
        PUBLIC_URL: publicUrl,
        EMAIL_RETRY_FIRST_DELAY_SECONDS: '0',
        EMAIL_RETRY_MAX_DELAY_SECONDS: '0',
        EMAIL_RETRY_HORIZON_SECONDS: '600',
      }),
    ).toMatchObject({
      settings: { retry: { firstDelayMs: 1000, maxDelayMs: 1000, horizonMs: 600_000 } },
    });
  });
});
