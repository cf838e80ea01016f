import { startTestPlatform, type TestPlatform } from '@checkout/test-kit';

/** The buyer's pages on the API's port, and the API open to the one other site the seller lists. */
let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ ALLOWED_ORIGINS: 'https://shop.example' });
}, 120_000);
afterAll(() => platform?.stop());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${platform.baseUrl}${path}`, { headers });

describe('the buyer pages', () => {
  it('answers every page an e-mail or the shop links to with the app, under a strict CSP', async () => {
    for (const path of [
      '/',
      '/courses/typescript-fundamentals',
      '/activate?token=abc',
      '/account',
    ]) {
      const page = await get(path, { accept: 'text/html' });
      expect({ path, status: page.status }).toEqual({ path, status: 200 });
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(await page.text()).toContain('<div id="app">');
    }
  });

  it('serves the hashed scripts the page names, cached for a year', async () => {
    const html = await (await get('/')).text();
    const scripts = [...html.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const asset = await get(script);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain('javascript');
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('gives a browser the app with a 404 for an unknown page, and an API client a problem', async () => {
    const page = await get('/no-such-page', { accept: 'text/html' });
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('<div id="app">');

    const problem = await get('/no-such-page', { accept: 'application/json' });
    expect(problem.status).toBe(404);
    expect(problem.headers.get('content-type')).toContain('application/problem+json');

    const api = await get('/api/v1/no-such-route', { accept: 'text/html' });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${platform.baseUrl}/api/v1/checkouts`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,idempotency-key',
      },
    });

  it('lets a listed origin send a checkout with its Idempotency-Key and read the answer', async () => {
    const answer = await preflight('https://shop.example');
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(answer.headers.get('access-control-allow-headers')).toContain('Idempotency-Key');

    const courses = await get('/api/v1/courses', { origin: 'https://shop.example' });
    expect(courses.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(courses.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('gives any other origin no CORS header, so its browser keeps the answer from it', async () => {
    const answer = await preflight('https://elsewhere.example');
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    const courses = await get('/api/v1/courses', { origin: 'https://elsewhere.example' });
    expect(courses.headers.get('access-control-allow-origin')).toBeNull();
  });
});
