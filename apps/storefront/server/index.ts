export { ensureStorefrontBuilt, storefrontDist } from './build-storefront';
export { storefrontRouter } from './storefront-router';
