import { checkPage, shopInBrowser } from './browser-kit';
import { buyAndReachMyCourses, myCourse } from './buyer-journey';

const shop = shopInBrowser();

const accessTokenIn = (page: Parameters<typeof checkPage>[0]) =>
  page.evaluate<string | null>("sessionStorage.getItem('accessToken')");

describe('a student in the browser', () => {
  it('signs out, asks for a new link, chooses a new password from the e-mail and is back in my courses; every page passes axe', async () => {
    const watched = await shop.openPage();
    const { page } = watched;
    const { platform } = shop;
    const { studentEmail, password } = await buyAndReachMyCourses(page, platform, {
      payer: 'individual',
    });

    // Signing out ends the session on the server, not only in the tab.
    const token = await accessTokenIn(page);
    await page.getByRole('button', { name: 'Sair' }).click();
    await page.getByRole('heading', { level: 1, name: 'Entrar' }).waitFor();
    await page
      .getByRole('main')
      .getByText(/Você saiu/)
      .waitFor();
    expect(await accessTokenIn(page)).toBeNull();
    const withOldToken = await platform.api.GET('/me/enrollments', {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(withOldToken.response.status).toBe(401);

    await page
      .getByRole('button', { name: 'Esqueceu a senha ou precisa de um novo link?' })
      .click();
    await page.getByRole('heading', { level: 2, name: /Esqueceu a senha/ }).waitFor();
    await checkPage(page, 'sign-in-request-link');
    const before = platform.sink.emails.length;
    await page.getByLabel('E-mail').fill(studentEmail);
    await page.getByRole('button', { name: 'Enviar link' }).click();
    await page
      .getByRole('main')
      .getByText(/um link está a caminho/)
      .waitFor();
    await checkPage(page, 'sign-in-link-sent');

    const email = await platform.sink.waitFor(
      (e) => e.to.includes(studentEmail) && platform.sink.emails.indexOf(e) >= before,
      30_000,
    );
    expect(email.subject).toBe('Redefina sua senha');
    const link = /https?:\/\/\S+\/activate\?token=[\w-]+&purpose=password-reset/.exec(email.text);
    expect(link).not.toBeNull();
    const { pathname, search } = new URL(link![0]);
    await page.goto(`${platform.baseUrl}${pathname}${search}`);
    await page.getByRole('heading', { level: 1, name: 'Escolha uma nova senha' }).waitFor();
    await checkPage(page, 'activate-reset');
    await page.getByLabel('E-mail').fill(studentEmail);
    await page.getByLabel('Senha').fill('uma senha nova e longa');
    await page.getByRole('button', { name: 'Salvar e entrar' }).click();
    await myCourse(page).waitFor();

    const withOldPassword = await platform.api.POST('/sessions', {
      body: { email: studentEmail, password },
    });
    expect(withOldPassword.response.status).toBe(401);
    await watched.close();
  }, 180_000);

  it('is told the same when the address has no account', async () => {
    const watched = await shop.openPage();
    const { page } = watched;
    await page.goto(`${shop.platform.baseUrl}/sign-in`);
    await page
      .getByRole('button', { name: 'Esqueceu a senha ou precisa de um novo link?' })
      .click();
    await page.getByLabel('E-mail').fill(`ninguem-${Date.now()}@example.com`);
    await page.getByRole('button', { name: 'Enviar link' }).click();
    await page
      .getByRole('main')
      .getByText(/um link está a caminho/)
      .waitFor();
    await watched.close();
  }, 60_000);

  it('is told in plain words to wait after too many wrong passwords', async () => {
    const watched = await shop.openPage();
    const { page } = watched;
    await page.goto(`${shop.platform.baseUrl}/sign-in`);
    // Unknown addresses meet the back-off too (five wrong passwords by default).
    await page.getByLabel('E-mail').fill(`ninguem-${Date.now()}@example.com`);
    await page.getByLabel('Senha').fill('um palpite errado');
    const wrong = page.getByRole('main').getByText('E-mail ou senha incorretos.');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/sessions'));
      await page.getByRole('button', { name: 'Entrar', exact: true }).click();
      expect((await answered).status()).toBe(401);
      await wrong.waitFor();
    }
    await page.getByRole('button', { name: 'Entrar', exact: true }).click();
    await page
      .getByRole('main')
      .getByText(/Muitas senhas erradas por enquanto\. .* espere 1 minuto e tente de novo/)
      .waitFor();
    await checkPage(page, 'sign-in-too-many-attempts');
    await watched.close();
  }, 60_000);
});
