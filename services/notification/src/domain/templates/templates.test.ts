import { renderAccessGranted } from './access-granted';
import { renderAccessLink } from './access-link';
import { renderCheckoutDeclined } from './checkout-declined';

describe('e-mail templates', () => {
  const access = {
    studentName: 'Ana <Souza>',
    email: 'ana@example.com',
    courseTitle: 'Fundamentos de TypeScript',
    activationUrl: 'http://localhost:8080/activate?token=abc',
    portalUrl: 'http://localhost:8080',
  };

  it('gives the student their login and the activation link, in Portuguese by default', () => {
    const email = renderAccessGranted(access, 'pt-BR');
    expect(email.subject).toBe('Seu acesso ao curso Fundamentos de TypeScript');
    expect(email.text).toContain('ana@example.com');
    expect(email.text).toContain(access.activationUrl);
    expect(email.html).toContain('href="http://localhost:8080/activate?token=abc"');
  });

  it('escapes names in the HTML part', () => {
    expect(renderAccessGranted(access, 'en').html).toContain('Ana &lt;Souza&gt;');
  });

  it('tells the payer the reason of a decline in plain words and how to try again', () => {
    const email = renderCheckoutDeclined(
      {
        payerName: 'Ana',
        courseTitle: 'Curso',
        reason: 'insufficient_funds',
        retryUrl: 'http://x/retry',
      },
      'pt-BR',
    );
    expect(email.text).toContain('não tem saldo ou limite suficiente');
    expect(email.text).toContain('Tentar novamente: http://x/retry');
  });
});

describe('the access-link e-mail', () => {
  const link = {
    studentName: 'Ana',
    email: 'ana@example.com',
    url: 'http://localhost:8080/activate?token=abc',
  };

  it('offers a reset link as a new password, in the student’s language', () => {
    const email = renderAccessLink({ ...link, purpose: 'password-reset' }, 'en');
    expect(email.subject).toBe('Reset your password');
    expect(email.text).toContain(`Choose a new password: ${link.url}`);
    expect(email.text).toContain('ana@example.com');
  });

  it('offers an activation link as activation, in Portuguese', () => {
    const email = renderAccessLink({ ...link, purpose: 'activation' }, 'pt-BR');
    expect(email.subject).toBe('Seu novo link de acesso');
    expect(email.html).toContain('href="http://localhost:8080/activate?token=abc"');
  });
});
