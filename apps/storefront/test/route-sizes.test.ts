import { ensureStorefrontBuilt } from '../server';
import { pagePaths } from '../src/page-paths';
import { formatRouteSizes, routeSizes } from './route-sizes';

const checkoutBudgetBytes = 80 * 1024;

describe('the built storefront', () => {
  it('loads at most 80 KB of gzipped JavaScript on the checkout route, every page its own chunk', async () => {
    const sizes = routeSizes(await ensureStorefrontBuilt(() => undefined));
    console.log(formatRouteSizes(sizes));

    const checkout = sizes.find(({ route }) => route === 'checkout');
    expect(checkout?.gzipBytes).toBeGreaterThan(0);
    expect(checkout?.gzipBytes).toBeLessThanOrEqual(checkoutBudgetBytes);
    // Lazy routes: no page's chunk is loaded by another page.
    expect(sizes.map(({ route }) => route)).toEqual(Object.keys(pagePaths));
    for (const { route, files } of sizes) {
      const others = sizes.filter((size) => size.route !== route).map((size) => size.pageChunk);
      expect(files.filter((file) => others.includes(file))).toEqual([]);
    }
  }, 120_000);
});
