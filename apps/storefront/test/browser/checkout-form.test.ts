import { testCards } from '@checkout/test-kit';
import type { Page } from 'playwright-core';
import {
  cardNumberSightings,
  descriptionOf,
  expectEveryCheckoutChargedAndMailedOnce,
  shopInBrowser,
  waitForFocus,
} from './browser-kit';
import {
  fillCard,
  fillCheckout,
  fillLead,
  fillPayer,
  newStudentEmail,
  payButton,
  stepHeading,
  waitForOutcome,
} from './buyer-journey';

const shop = shopInBrowser();

const checkoutUrl = () => `${shop.platform.baseUrl}/courses/typescript-fundamentals/checkout`;

/** Presses Tab and says which field (by its label) or button took the focus. */
async function tab(page: Page, key: 'Tab' | 'Shift+Tab' = 'Tab') {
  await page.keyboard.press(key);
  return page.evaluate<string>(
    `(document.activeElement.labels?.[0] ?? document.activeElement).textContent.trim()`,
  );
}

/** Tabs to the next control, checks it is the one expected there, and types into it. */
async function tabAndType(page: Page, label: string, text?: string) {
  expect(await tab(page)).toBe(label);
  if (text !== undefined) await page.keyboard.type(text);
}

describe('the checkout form', () => {
  it('makes one checkout when "pay" is double-clicked', async () => {
    const watched = await shop.openPage();
    const { page } = watched;
    await fillCheckout(page, shop.platform.baseUrl, {
      cardNumber: testCards.approved,
      payer: 'company',
      payerEmail: 'financeiro@example.com',
    });

    await payButton(page).dblclick();
    await waitForOutcome(page, 'Pagamento aprovado!');

    const checkoutId = /\/checkouts\/([^/?]+)$/.exec(page.url())?.[1];
    const rows = await shop.platform.sql<{ count: string }>(
      `select count(*) from financial.checkout
        where lead_id = (select lead_id from financial.checkout where id = $1)`,
      [checkoutId],
    );
    expect(rows[0]?.count).toBe('1');
    const sent = watched.requests.filter(({ url }) => url.endsWith('/api/v1/checkouts'));
    expect(new Set(sent.map(({ idempotencyKey }) => idempotencyKey)).size).toBe(1);
    await watched.close();
  }, 120_000);

  it('pays in the installments the buyer picks: the pay button and the status page show the total the API computed', async () => {
    const watched = await shop.openPage();
    const { page } = watched;
    await fillCheckout(page, shop.platform.baseUrl, {
      cardNumber: testCards.approved,
      payer: 'individual',
      payerEmail: 'parcelas@example.com',
    });
    const choice = page.getByLabel('Parcelas');
    expect(await choice.locator('option').allTextContents()).toContain(
      '3 x R$\u00a099,00 sem juros',
    );
    await choice.selectOption('12');
    await page.getByRole('button', { name: /^Pagar R\$\s336,80$/ }).click();
    await waitForOutcome(page, 'Pagamento aprovado!');
    await page.getByText('Pago em 12 x R$\u00a028,07 (total R$\u00a0336,80).').waitFor();
    const sent = watched.requests.filter(({ url }) => url.endsWith('/api/v1/checkouts'));
    expect(sent).toHaveLength(1);
    await watched.close();
  }, 120_000);

  it("shows a rule's message beside the field the buyer leaves, and the API's own field errors beside the fields they name", async () => {
    const watched = await shop.openPage();
    const { page } = watched;
    await page.goto(checkoutUrl());
    await waitForFocus(stepHeading(page, 'Seus dados'));
    await fillLead(page, newStudentEmail());

    // A CPF with a wrong check digit, caught as the buyer leaves the field.
    const cpf = page.getByLabel('CPF', { exact: true });
    await cpf.fill('52998224726');
    await cpf.blur();
    await page.getByText('CPF inválido: confira os dígitos.').waitFor();
    expect(await cpf.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(cpf)).toBe('CPF inválido: confira os dígitos.');
    await cpf.fill('52998224725');
    await cpf.blur();
    await page.getByText('CPF inválido: confira os dígitos.').waitFor({ state: 'detached' });

    // The browser's e-mail rule takes a domain without a dot; the API's does not.
    const email = page.getByLabel('E-mail', { exact: true });
    await email.fill('ana@localhost');
    await page.getByRole('button', { name: 'Continuar' }).click();
    await waitForFocus(email);
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(email)).toMatch(/email/);
    expect(await cpf.getAttribute('aria-invalid')).toBeNull();
    await watched.close();
  }, 120_000);

  it('tells the buyer in plain words, with the wait, when a card or a payment is over a limit', async () => {
    const watched = await shop.openPage();
    const { page } = watched;
    // The platform's limits are proved in packages/platform/test/abuse-limits.test.ts; its
    // answer stands in for them here, once for the card and once for the payment.
    const tooMany = (seconds: number) => ({
      status: 429,
      contentType: 'application/problem+json',
      headers: { 'Retry-After': String(seconds) },
      body: JSON.stringify({ type: '/problems/too-many-requests', title: 'Too many', status: 429 }),
    });
    await page.route('**/api/v1/cards', (route) => route.fulfill(tooMany(60)), { times: 1 });
    await page.route('**/api/v1/checkouts', (route) => route.fulfill(tooMany(3600)), { times: 1 });
    await page.goto(checkoutUrl());
    await waitForFocus(stepHeading(page, 'Seus dados'));
    await fillLead(page, newStudentEmail());
    await page.getByRole('button', { name: 'Continuar' }).click();
    await waitForFocus(stepHeading(page, 'Cartão'));
    await fillCard(page, testCards.approved);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page
      .getByText(
        'Muitos cartões foram enviados daqui em pouco tempo. Tente de novo daqui a um minuto.',
      )
      .waitFor();

    await page.getByRole('button', { name: 'Continuar' }).click();
    await waitForFocus(stepHeading(page, 'Quem paga'));
    await fillPayer(page, 'individual', 'pagador@example.com');
    await payButton(page).click();
    await page
      .getByText(
        'Muitas tentativas de pagamento ou cartões recusados em pouco tempo. Por segurança, tente de novo daqui a 60 minutos.',
      )
      .waitFor();
    await watched.close();
  }, 120_000);

  it('can be completed with the keyboard alone', async () => {
    const watched = await shop.openPage();
    const { page } = watched;
    await page.goto(checkoutUrl());
    await waitForFocus(stepHeading(page, 'Seus dados'));
    await tabAndType(page, 'Nome completo', 'Ana Souza');
    await tabAndType(page, 'E-mail', newStudentEmail());
    await tabAndType(page, 'CPF', '52998224725');
    await tabAndType(page, 'Data de nascimento (DD/MM/AAAA)', '17051990');
    await tabAndType(page, 'Telefone', '11912345678');
    // Back and forth: Shift+Tab returns to the previous field.
    expect(await tab(page, 'Shift+Tab')).toBe('Data de nascimento (DD/MM/AAAA)');
    expect(await tab(page)).toBe('Telefone');
    await page.keyboard.press('Enter');

    await waitForFocus(stepHeading(page, 'Cartão'));
    await tabAndType(page, 'Número do cartão', testCards.approved);
    await tabAndType(page, 'Nome impresso no cartão', 'ANA SOUZA');
    await tabAndType(page, 'Mês de validade (MM)', '12');
    await tabAndType(page, 'Ano de validade (AAAA)', String(new Date().getFullYear() + 3));
    await tabAndType(page, 'Código de segurança (CVC)', '123');
    await page.keyboard.press('Enter');

    await waitForFocus(stepHeading(page, 'Quem paga'));
    // The individual payer starts from the buyer's details: name, e-mail, CPF, phone.
    await tabAndType(page, 'Pessoa física (CPF)');
    await tabAndType(page, 'Nome ou razão social');
    await tabAndType(page, 'E-mail de quem paga');
    await tabAndType(page, 'CPF de quem paga');
    await tabAndType(page, 'Telefone de quem paga');
    await tabAndType(page, 'CEP', '01310100');
    await tabAndType(page, 'Rua', 'Av. Paulista');
    await tabAndType(page, 'Número', '1000');
    await tabAndType(page, 'Complemento (opcional)');
    await tabAndType(page, 'Bairro', 'Bela Vista');
    await tabAndType(page, 'Cidade', 'São Paulo');
    await tabAndType(page, 'UF', 'SP');
    expect(await page.getByLabel('UF').inputValue()).toBe('SP');
    expect(await tab(page)).toBe('Parcelas');
    expect(await tab(page)).toMatch(/^Pagar R\$\s297,00$/);
    await page.keyboard.press('Space');

    await waitForOutcome(page, 'Pagamento aprovado!');
    expect(await cardNumberSightings(watched, testCards.approved)).toEqual([]);
    await watched.close();
  }, 120_000);

  it('charged each checkout the checkout form made once, and sent its outcome e-mail once', async () => {
    const ledger = await expectEveryCheckoutChargedAndMailedOnce(shop.platform);
    console.log(
      `ledger: ${ledger.length} checkouts, ${ledger.filter((e) => e.charges === 1).length} charged once`,
    );
  }, 90_000);
});
