import { startTestPlatform, testCards, type TestPlatform } from '@checkout/test-kit';
import type { Browser } from 'playwright-core';
import { cardNumberSightings, launchBrowser, openWatchedPage } from './browser-kit';
import { buyAndReachMyCourses } from './buyer-journey';

/**
 * The approved buyer's journey in the browser against `npm run start:dapr` (npm run test:dapr
 * sets PLATFORM_MODE=dapr): the storefront served by the edge, the charge through the broker
 * and the sidecars, the access e-mail from the notification service.
 */
let platform: TestPlatform;
let browser: Browser;

beforeAll(async () => {
  [platform, browser] = await Promise.all([startTestPlatform(), launchBrowser()]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await platform?.stop();
}, 60_000);

it('an approved buyer goes from the catalogue to my courses through the activation e-mail', async () => {
  const watched = await openWatchedPage(browser);
  const { checkoutToApprovedMs } = await buyAndReachMyCourses(watched.page, platform, {
    payer: 'company',
  });
  console.log(`checkout opened → approved page (start:dapr): ${checkoutToApprovedMs} ms`);
  expect(await cardNumberSightings(watched, testCards.approved)).toEqual([]);
  await watched.close();
}, 180_000);
