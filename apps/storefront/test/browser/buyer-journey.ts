import { testCards, type TestPlatform } from '@checkout/test-kit';
import type { Page } from 'playwright-core';
import { waitForFocus } from './browser-kit';

/*
 * A buyer's steps in the storefront, in its default language (pt-BR), finding every control by
 * its role and label as a person would. Shared by the suite and its Dapr run.
 */

export const courseTitle = 'Fundamentos de TypeScript';
const password = 'uma senha longa';
let sequence = 0;
export const newStudentEmail = () => `aluna-${Date.now()}-${sequence++}@example.com`;

/** Called on each page reached: the suite scans and photographs them; the Dapr run need not. */
export type PageCheck = (page: Page, name: string) => Promise<void>;
const noCheck: PageCheck = async () => undefined;

export const stepHeading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 2, name: new RegExp(name) });

/** From the catalogue to the course's checkout. */
export async function openCheckoutFromCatalogue(page: Page, baseUrl: string, check = noCheck) {
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { level: 1, name: 'Cursos' }).waitFor();
  await check(page, 'catalogue');
  await page.getByRole('link', { name: `Ver curso: ${courseTitle}` }).click();
  await page.getByRole('heading', { level: 1, name: courseTitle }).waitFor();
  await check(page, 'course');
  await page.getByRole('link', { name: 'Comprar' }).click();
  await waitForFocus(stepHeading(page, 'Seus dados'));
}

export async function fillLead(page: Page, email: string) {
  await page.getByLabel('Nome completo').fill('Ana Souza');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('CPF', { exact: true }).fill('52998224725');
  await page.getByLabel('Data de nascimento (DD/MM/AAAA)').fill('17051990');
  await page.getByLabel('Telefone', { exact: true }).fill('11912345678');
}

export async function fillCard(page: Page, cardNumber: string) {
  await page.getByLabel('Número do cartão').fill(cardNumber);
  await page.getByLabel('Nome impresso no cartão').fill('ANA SOUZA');
  await page.getByLabel('Mês de validade (MM)').fill('12');
  await page.getByLabel('Ano de validade (AAAA)').fill(String(new Date().getFullYear() + 3));
  await page.getByLabel('Código de segurança (CVC)').fill('123');
}

/** The payer step. The individual payer is the buyer, whose details the step starts from. */
export async function fillPayer(page: Page, type: 'individual' | 'company', email: string) {
  if (type === 'company') {
    await page.getByRole('radio', { name: 'Empresa (CNPJ)' }).check();
    await page.getByLabel('Nome ou razão social').fill('Empresa Exemplo Ltda');
    await page.getByLabel('CNPJ', { exact: true }).fill('11222333000181');
  }
  await page.getByLabel('E-mail de quem paga').fill(email);
  await page.getByLabel('CEP').fill('01310100');
  await page.getByLabel('Rua').fill('Av. Paulista');
  await page.getByLabel('Número', { exact: true }).fill('1000');
  await page.getByLabel('Bairro').fill('Bela Vista');
  await page.getByLabel('Cidade').fill('São Paulo');
  await page.getByLabel('UF').selectOption('SP');
}

/** From the catalogue to the pay button, every step filled in by a new buyer. */
export async function fillCheckout(
  page: Page,
  baseUrl: string,
  {
    cardNumber,
    payer,
    payerEmail,
  }: { cardNumber: string; payer: 'individual' | 'company'; payerEmail: string },
) {
  await openCheckoutFromCatalogue(page, baseUrl);
  await fillLead(page, newStudentEmail());
  await page.getByRole('button', { name: 'Continuar' }).click();
  await waitForFocus(stepHeading(page, 'Cartão'));
  await fillCard(page, cardNumber);
  await page.getByRole('button', { name: 'Continuar' }).click();
  await waitForFocus(stepHeading(page, 'Quem paga'));
  await fillPayer(page, payer, payerEmail);
}

/** "Pagar R$ 297,00": Intl writes a no-break space after R$. */
export const payButton = (page: Page) => page.getByRole('button', { name: /^Pagar R\$\s297,00$/ });

/** Waits for the status page to give its outcome (up to 60 s: a first charge may be slow). */
export async function waitForOutcome(
  page: Page,
  outcome: 'Pagamento aprovado!' | 'Pagamento recusado',
) {
  await page.getByRole('heading', { level: 2, name: outcome }).waitFor({ timeout: 60_000 });
}

/** The student opens the activation link from the access e-mail, sets a password, is signed in. */
export async function activateFromEmail(
  page: Page,
  platform: Pick<TestPlatform, 'baseUrl' | 'sink'>,
  studentEmail: string,
  check = noCheck,
) {
  const email = await platform.sink.waitFor((e) => e.to.includes(studentEmail), 30_000);
  const link = /https?:\/\/\S+\/activate\?token=[\w-]+/.exec(email.text)?.[0];
  if (!link) throw new Error('the access e-mail carries no activation link');
  const { pathname, search } = new URL(link);
  const activationUrl = `${platform.baseUrl}${pathname}${search}`;
  await page.goto(activationUrl);
  await page.getByRole('heading', { level: 1, name: 'Ative seu acesso' }).waitFor();
  await check(page, 'activate');
  await page.getByLabel('E-mail').fill(studentEmail);
  await page.getByLabel('Senha').fill(password);
  await page.getByRole('button', { name: 'Ativar e entrar' }).click();
  await page.getByRole('heading', { level: 1, name: 'Meus cursos' }).waitFor();
  return activationUrl;
}

export const myCourse = (page: Page) => page.getByRole('heading', { level: 2, name: courseTitle });

/**
 * The approved buyer's whole journey: catalogue → course → checkout with 4242… → approved page →
 * the activation link from the e-mail the SMTP server received → password → signed in → the
 * course under "my courses". Returns the time from opening the checkout to the approved page,
 * the test's typing included, its page checks left out.
 */
export async function buyAndReachMyCourses(
  page: Page,
  platform: Pick<TestPlatform, 'baseUrl' | 'sink'>,
  options: { payer: 'individual' | 'company'; check?: PageCheck },
) {
  // The time the suite spends scanning and photographing pages is not the buyer's wait.
  let checkingMs = 0;
  const check: PageCheck = async (page, name) => {
    const startedAt = Date.now();
    await (options.check ?? noCheck)(page, name);
    checkingMs += Date.now() - startedAt;
  };
  const studentEmail = newStudentEmail();
  await openCheckoutFromCatalogue(page, platform.baseUrl, check);
  const checkoutOpenedAt = Date.now();
  checkingMs = 0;
  await check(page, 'checkout-1-lead');
  await fillLead(page, studentEmail);
  await page.getByRole('button', { name: 'Continuar' }).click();
  await waitForFocus(stepHeading(page, 'Cartão'));
  await check(page, 'checkout-2-card');
  await fillCard(page, testCards.approved);
  await page.getByRole('button', { name: 'Continuar' }).click();
  await waitForFocus(stepHeading(page, 'Quem paga'));
  // What the page kept of the card: its brand and last four digits.
  await page.getByText('Cartão Visa final 4242').waitFor();
  await fillPayer(page, options.payer, `pagador-${studentEmail}`);
  await check(page, `checkout-3-payer-${options.payer}`);
  await payButton(page).click();
  await waitForOutcome(page, 'Pagamento aprovado!');
  const checkoutToApprovedMs = Date.now() - checkoutOpenedAt - checkingMs;
  await check(page, 'status-approved');
  const activationUrl = await activateFromEmail(page, platform, studentEmail, check);
  await myCourse(page).waitFor();
  await check(page, 'account');
  return { studentEmail, password, activationUrl, checkoutToApprovedMs };
}
