import { testCards } from '@checkout/test-kit';
import {
  cardNumberSightings,
  checkPage,
  expectEveryCheckoutChargedAndMailedOnce,
  shopInBrowser,
  waitForFocus,
} from './browser-kit';
import {
  buyAndReachMyCourses,
  fillCard,
  fillCheckout,
  myCourse,
  payButton,
  stepHeading,
  waitForOutcome,
} from './buyer-journey';

const shop = shopInBrowser();

describe('a buyer in the browser', () => {
  it('buys with an approved card, activates access from the e-mail and finds the course under my courses; every page passes axe', async () => {
    const watched = await shop.openPage();
    const { page } = watched;
    const { studentEmail, password, activationUrl, checkoutToApprovedMs } =
      await buyAndReachMyCourses(page, shop.platform, { payer: 'company', check: checkPage });
    console.log(`checkout opened → approved page: ${checkoutToApprovedMs} ms`);

    // Signing out ends the session, forgets the token and leads to sign-in; signing in again
    // brings the course back.
    await page.getByRole('button', { name: 'Sair' }).click();
    await page.getByRole('heading', { level: 1, name: 'Entrar' }).waitFor();
    await page
      .getByRole('main')
      .getByText(/Você saiu/)
      .waitFor();
    expect(await page.evaluate("sessionStorage.getItem('accessToken')")).toBeNull();
    await checkPage(page, 'sign-in');
    await page.getByLabel('E-mail').fill(studentEmail);
    await page.getByLabel('Senha').fill(password);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await myCourse(page).waitFor();

    // The link is single-use: a second try says so plainly.
    await page.goto(activationUrl);
    await page.getByLabel('E-mail').fill(studentEmail);
    await page.getByLabel('Senha').fill('outra senha longa');
    await page.getByRole('button', { name: 'Ativar e entrar' }).click();
    await page
      .getByRole('main')
      .getByText(/link é inválido, já foi usado ou expirou/)
      .waitFor();
    await checkPage(page, 'activate-used-link');

    // The card went to POST /cards, and nowhere else.
    const cardRequest = watched.requests.find(({ url }) => url.endsWith('/api/v1/cards'));
    expect(cardRequest?.body).toContain(testCards.approved);
    expect(await cardNumberSightings(watched, testCards.approved)).toEqual([]);

    // Fonts, icons and scripts are all ours, and the strict CSP refused nothing the pages need.
    const shopOrigin = new URL(shop.platform.baseUrl).origin;
    expect(
      watched.requests.map(({ url }) => new URL(url).origin).filter((o) => o !== shopOrigin),
    ).toEqual([]);
    expect(watched.console.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    await watched.close();
  }, 180_000);

  it('is told in plain words why the card was declined, and pays with another card for the same lead', async () => {
    const watched = await shop.openPage();
    const { page } = watched;
    await fillCheckout(page, shop.platform.baseUrl, {
      cardNumber: testCards.declined,
      payer: 'individual',
      payerEmail: 'pagadora@example.com',
    });
    await payButton(page).click();
    await waitForOutcome(page, 'Pagamento recusado');
    await page.getByRole('main').getByText('O banco emissor recusou o cartão.').waitFor();
    const attempts = page.getByRole('region', { name: 'Tentativas de cobrança' });
    expect(await attempts.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Tentativa 1: recusada \d{2}:\d{2}:\d{2}$/),
    ]);
    await checkPage(page, 'status-declined');
    const declinedUrl = page.url();

    await page.getByRole('link', { name: 'Tentar com outro cartão' }).click();
    await waitForFocus(stepHeading(page, 'Cartão'));
    expect(page.url()).toMatch(/\/checkout\?lead=[^&@]+$/);
    await fillCard(page, testCards.approved);
    await page.getByRole('button', { name: 'Continuar' }).click();
    await waitForFocus(stepHeading(page, 'Quem paga'));
    // The payer is still filled in from the first try.
    expect(await page.getByLabel('UF').inputValue()).toBe('SP');
    await payButton(page).click();
    await waitForOutcome(page, 'Pagamento aprovado!');
    expect(page.url()).not.toBe(declinedUrl);

    for (const cardNumber of [testCards.declined, testCards.approved]) {
      expect(await cardNumberSightings(watched, cardNumber)).toEqual([]);
    }
    await watched.close();
  }, 180_000);

  it('finds a "not found" page at an address no page has', async () => {
    const watched = await shop.openPage();
    const response = await watched.page.goto(`${shop.platform.baseUrl}/no-such-page`);
    expect(response?.status()).toBe(404);
    await watched.page.getByRole('heading', { level: 1, name: 'Página não encontrada' }).waitFor();
    await checkPage(watched.page, 'not-found');
    // English is one switch away, and stays chosen.
    await watched.page.getByRole('button', { name: 'Switch to English' }).click();
    await watched.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await watched.page.evaluate('document.documentElement.lang')).toBe('en');
    await watched.page.reload();
    await watched.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await watched.close();
  }, 60_000);

  it('charged each checkout the buyers made once, and sent its outcome e-mail once', async () => {
    const ledger = await expectEveryCheckoutChargedAndMailedOnce(shop.platform);
    console.log(
      `ledger: ${ledger.length} checkouts, ${ledger.filter((e) => e.charges === 1).length} charged once`,
    );
  }, 90_000);
});
