import { readPlatformConfig } from './config';

describe('the embedded platform configuration', () => {
  it("links e-mails to the platform's own port unless PUBLIC_URL says otherwise", () => {
    expect(readPlatformConfig({ PORT: '9090' }).notification.settings.publicUrl).toBe(
      'http://localhost:9090',
    );
    expect(
      readPlatformConfig({ PUBLIC_URL: 'https://cursos.example/' }).notification.settings.publicUrl,
    ).toBe('https://cursos.example');
  });

  it("reads each service's own settings through that service's config", () => {
    const config = readPlatformConfig({
      EMAIL_LANGUAGE: 'en',
      MAIL_FROM: 'Loja <loja@example.com>',
      CARD_TTL_SECONDS: '60',
      CHARGE_STUCK_AFTER_SECONDS: '30',
    });
    expect(config).toMatchObject({
      notification: { mailFrom: 'Loja <loja@example.com>', settings: { language: 'en' } },
      cardVault: { cardTtlSeconds: 60 },
      financial: { chargeStuckAfterMs: 30_000 },
    });
  });

  it("reports the platform's and the services' problems together, in one line", () => {
    expect(() =>
      readPlatformConfig({ PORT: 'http', EMAIL_LANGUAGE: 'fr', CARD_TTL_SECONDS: 'soon' }),
    ).toThrow(
      'Invalid configuration: PORT must be a whole number, got "http"; CARD_TTL_SECONDS must be a whole number, got "soon"; EMAIL_LANGUAGE must be one of pt-BR, en, got "fr"',
    );
  });
});
