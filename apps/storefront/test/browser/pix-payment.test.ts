import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from '@checkout/test-kit';
import { checkPage, shopInBrowser, waitForFocus } from './browser-kit';
import {
  fillLead,
  fillPayer,
  newStudentEmail,
  openCheckoutFromCatalogue,
  payButton,
  stepHeading,
  waitForOutcome,
} from './buyer-journey';

const shop = shopInBrowser();

describe('paying by PIX in the shop', () => {
  it('shows the QR code and the code to copy, and turns approved once the provider reports the payment', async () => {
    const { page, close } = await shop.openPage();
    await openCheckoutFromCatalogue(page, shop.platform.baseUrl);
    await fillLead(page, newStudentEmail());
    await page.getByRole('button', { name: 'Continuar' }).click();
    await waitForFocus(stepHeading(page, 'Cartão'));
    await page.getByRole('button', { name: 'Pagar com PIX' }).click();
    await waitForFocus(stepHeading(page, 'Quem paga'));
    await fillPayer(page, 'individual', `pix-${Date.now()}@example.com`);
    await payButton(page).click();

    await page.getByRole('heading', { level: 2, name: 'Pague com PIX' }).waitFor();
    const qrCode = page.getByRole('img', { name: 'QR code do PIX' });
    expect(await qrCode.getAttribute('src')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(
      await qrCode.evaluate((img) => (img as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    const code = await page.getByLabel('PIX copia e cola').inputValue();
    expect(code).toMatch(/^000201.*br\.gov\.bcb\.pix.*5406297\.00.*6304[0-9A-F]{4}$/);
    await checkPage(page, 'pix-payment');

    // The dev command pays it, as the PSP would: signed with the key npm start keeps in DATA_DIR.
    const checkoutId = new URL(page.url()).pathname.split('/').at(-1)!;
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'pix:pay', '--', checkoutId],
      {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: shop.platform.dataDir, PUBLIC_URL: shop.platform.baseUrl },
      },
    );
    expect(stdout).toMatch(/: 200 \{"received":1\}/);
    await waitForOutcome(page, 'Pagamento aprovado!');
    await close();
  }, 120_000);
});
