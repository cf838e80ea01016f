import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { provision } from '@checkout/local-infra';
import {
  expectEachCheckoutSettledOnce,
  expectOneChargePerApprovedCheckout,
  repoRoot,
  startTestPlatform,
  type TestPlatform,
} from '@checkout/test-kit';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium, installed on first use: Playwright's own browser download is not used. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: provision('chromium'),
    args: ['--headless', '--no-sandbox', '--disable-background-networking'],
  });

export const viewports = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
} as const;

const screenshotDir = join(repoRoot, 'artifacts/screenshots');

export interface SeenRequest {
  method: string;
  url: string;
  body: string;
  idempotencyKey: string | undefined;
}

/** A fresh tab (its own storage) whose console messages and requests the test can read back. */
export async function openWatchedPage(browser: Browser) {
  const context = await browser.newContext({ viewport: viewports.desktop, locale: 'pt-BR' });
  const page = await context.newPage();
  const console: string[] = [];
  const requests: SeenRequest[] = [];
  page.on('console', (message) => console.push(message.text()));
  page.on('request', (request) =>
    requests.push({
      method: request.method(),
      url: request.url(),
      body: request.postData() ?? '',
      idempotencyKey: request.headers()['idempotency-key'],
    }),
  );
  return { page, console, requests, close: () => context.close() };
}
export type WatchedPage = Awaited<ReturnType<typeof openWatchedPage>>;

/**
 * The test file's shop: the platform (`npm start`, or start:dapr under PLATFORM_MODE=dapr) and a
 * browser, started before its tests and stopped after them. `openPage` opens a watched tab.
 */
export function shopInBrowser() {
  let platform: TestPlatform | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  }, 60_000);
  return {
    get platform(): TestPlatform {
      if (!platform) throw new Error('the shop has not started');
      return platform;
    },
    openPage: () => {
      if (!browser) throw new Error('the browser has not started');
      return openWatchedPage(browser);
    },
  };
}

/**
 * Everywhere a card number shows up in the tab other than in POST /api/v1/cards: storage,
 * cookies, the console, any other request's URL or body. Digits with or without spaces.
 */
export async function cardNumberSightings(watched: WatchedPage, cardNumber: string) {
  const forms = [cardNumber, cardNumber.replace(/(\d{4})(?=\d)/g, '$1 ')];
  // The suite's TypeScript has no DOM library: code run in the page is written as text.
  const storage = await watched.page.evaluate<string>(
    'JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })',
  );
  const cookies = JSON.stringify(await watched.page.context().cookies());
  const places: [string, string][] = [
    ['web storage', storage],
    ['cookies', cookies],
    ...watched.console.map((text): [string, string] => ['the console', text]),
    ...watched.requests
      .filter(
        ({ method, url }) => !(method === 'POST' && new URL(url).pathname === '/api/v1/cards'),
      )
      .map(({ method, url, body }): [string, string] => [`${method} ${url}`, `${url} ${body}`]),
  ];
  return places
    .filter(([, text]) => forms.some((form) => text.includes(form)))
    .map(([where]) => where);
}

/** axe-core's serious and critical findings on the page as it is now. */
export async function seriousAccessibilityViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter(({ impact }) => impact === 'serious' || impact === 'critical')
    .map(({ id, nodes }) => `${id}: ${nodes.map(({ target }) => target.join(' ')).join(', ')}`);
}

/** Desktop and mobile screenshots of the page under artifacts/screenshots/<name>-<size>.png. */
export async function screenshot(page: Page, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  for (const [size, viewport] of Object.entries(viewports)) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(screenshotDir, `${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize(viewports.desktop);
}

/** Every page the suite visits: no serious accessibility finding, and its screenshots taken. */
export async function checkPage(page: Page, name: string) {
  expect({ page: name, violations: await seriousAccessibilityViolations(page) }).toEqual({
    page: name,
    violations: [],
  });
  await screenshot(page, name);
}

/** Resolves once the element has the keyboard focus (within 10 s). */
export async function waitForFocus(locator: Locator) {
  const element = await locator.elementHandle({ timeout: 10_000 });
  await locator
    .page()
    .waitForFunction(
      (target: { ownerDocument: { activeElement: unknown } }) =>
        target.ownerDocument.activeElement === target,
      element,
      { timeout: 10_000 },
    );
}

/** The text of a field's hint and error, as aria-describedby ties them to it. */
export async function descriptionOf(field: Locator): Promise<string> {
  const ids = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const texts = await Promise.all(
    ids.map((id) => field.page().locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(' ');
}

/**
 * The ledger over every checkout the file's buyers made in the browser: each final, its outcome
 * e-mail sent once (the access e-mail to the student, the decline to the payer), each approved
 * one's receipt sent once, each approved one charged once by the acquirer and every other never.
 */
export async function expectEveryCheckoutChargedAndMailedOnce(platform: TestPlatform) {
  const checkouts = await platform.sql<{ id: string; emailTo: string }>(
    `select id, case when status = 'approved' then student->>'email' else payer->>'email' end
       as "emailTo" from financial.checkout`,
  );
  expect(checkouts.length).toBeGreaterThan(0);
  const ledger = await expectEachCheckoutSettledOnce(platform.api, platform.sink, checkouts);
  return expectOneChargePerApprovedCheckout(platform.databaseUrl, ledger);
}
