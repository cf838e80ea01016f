import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [preact()],
  // The manifest lets test/route-sizes.ts measure the JavaScript each page loads.
  build: { manifest: true },
  // `npm run dev -w @checkout/storefront`: pages reload as they change, the API is `npm start`'s.
  server: { proxy: { '/api': process.env.API_URL ?? 'http://localhost:8080' } },
});
