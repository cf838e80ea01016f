// `npm run dev`: the platform, restarted when a source it loads changes, beside the storefront's
// Vite dev server, whose pages reload as they are edited. One Ctrl-C stops both.
import { dirname, join } from 'node:path';
import { repoRoot } from '@checkout/local-infra';
import { logFormat } from '@checkout/service-kit/src/logger';
import { concurrently } from 'concurrently';

const apiPort = process.env.PORT ?? '8080';
const pagesPort = process.env.STOREFRONT_DEV_PORT ?? '5173';
const storefrontRoot = join(repoRoot, 'apps/storefront');
const viteCli = join(
  dirname(require.resolve('vite/package.json', { paths: [storefrontRoot] })),
  'bin/vite.js',
);
const node = JSON.stringify(process.execPath);

const { result } = concurrently(
  [
    {
      name: 'platform',
      // node --watch rather than tsx watch: on a change it sends SIGTERM and waits for the exit,
      // however long the platform takes to stop its embedded PostgreSQL (last), where tsx watch
      // sends SIGKILL after 5 s. It watches the files the platform loads, so tests, dist/, .data/
      // and the pages' sources (Vite's) restart nothing. `exec`: the signal reaches node itself.
      command: `exec ${node} --watch --watch-preserve-output --import tsx packages/platform/src/main.ts`,
      env: {
        // Our terminal is the person's, the platform's stdout a pipe to here.
        LOG_FORMAT: logFormat(),
        // One process: node --watch restarts on the files that process loads, and a change is
        // picked up without waiting for a build.
        PLATFORM_WORKERS: '1',
        // Links in e-mails open the live pages.
        PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${pagesPort}`,
      },
    },
    {
      name: 'storefront',
      // A fixed port, since e-mails link to it: a busy one is an error, not another port.
      command: `exec ${node} ${JSON.stringify(viteCli)} --port ${pagesPort} --strictPort`,
      cwd: storefrontRoot,
      env: { API_URL: process.env.API_URL ?? `http://localhost:${apiPort}` },
    },
  ],
  {
    cwd: repoRoot,
    prefixColors: ['cyan', 'magenta'],
    // Signals go to the two processes started here, which stop their own children. The default
    // (tree-kill) signals every descendant, the embedded PostgreSQL too, which the platform must
    // stop last, after the requests in flight.
    kill: (pid, signal) => {
      try {
        process.kill(pid, signal);
      } catch {
        // It exited meanwhile: nothing left to stop.
      }
    },
  },
);

result.then(
  () => process.exit(0),
  () => process.exit(1),
);
