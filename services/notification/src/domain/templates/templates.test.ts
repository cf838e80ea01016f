import { renderAccessGranted } from './access-granted';
import { renderCheckoutDeclined } from './checkout-declined';
import { renderLeadReminder } from './lead-reminder';

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

  it('reminds a lead of the course it did not finish buying, with the link to resume', () => {
    const reminder = {
      leadName: 'Ana',
      courseTitle: 'Fundamentos de TypeScript',
      courseUrl: 'http://x/courses/typescript-fundamentals',
    };
    const inPortuguese = renderLeadReminder(reminder, 'pt-BR');
    expect(inPortuguese.text).toContain(
      'Concluir a compra: http://x/courses/typescript-fundamentals',
    );
    const inEnglish = renderLeadReminder(reminder, 'en');
    expect(inEnglish.subject).toBe('Your place in Fundamentos de TypeScript is still waiting');
    expect(inEnglish.html).toContain('href="http://x/courses/typescript-fundamentals"');
  });
});
