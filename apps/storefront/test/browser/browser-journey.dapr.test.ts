import { testCards } from '@checkout/test-kit';
import { cardNumberSightings, shopInBrowser } from './browser-kit';
import { buyAndReachMyCourses } from './buyer-journey';

/**
 * The approved buyer's journey in the browser against `npm run start:dapr` (npm run test:dapr
 * sets PLATFORM_MODE=dapr): the storefront served by the edge, the charge through the broker
 * and the sidecars, the access e-mail from the notification service.
 */
const shop = shopInBrowser();

it('an approved buyer goes from the catalogue to my courses through the activation e-mail', async () => {
  const watched = await shop.openPage();
  const { checkoutToApprovedMs } = await buyAndReachMyCourses(watched.page, shop.platform, {
    payer: 'company',
  });
  console.log(`checkout opened → approved page (start:dapr): ${checkoutToApprovedMs} ms`);
  expect(await cardNumberSightings(watched, testCards.approved)).toEqual([]);
  await watched.close();
}, 180_000);
