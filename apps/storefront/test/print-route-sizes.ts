/** `npm run sizes -w @checkout/storefront`: builds the storefront if needed, prints the table. */
import { ensureStorefrontBuilt } from '../server';
import { formatRouteSizes, routeSizes } from './route-sizes';

ensureStorefrontBuilt(console.error).then(
  (dist) => console.log(formatRouteSizes(routeSizes(dist))),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
