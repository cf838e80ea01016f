import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { lock } from 'proper-lockfile';

const appRoot = resolve(__dirname, '..');
/** Where the built pages live; `npm start` and the edge serve it, the image carries it. */
export const storefrontDist = join(appRoot, 'dist');
// Vite's package exports no path to its command, so it is found beside its package.json.
const viteCli = join(
  dirname(require.resolve('vite/package.json', { paths: [appRoot] })),
  'bin/vite.js',
);
const hashFile = join(storefrontDist, '.source-hash');
/** What the build reads: a change to any of it makes the next start build again. */
const sources = [
  'index.html',
  'vite.config.mts',
  'package.json',
  'src',
  'public',
  '../../packages/client/src',
  '../../packages/br-documents/src',
];

/**
 * Builds the storefront unless dist/ already holds a build of these very sources, so `npm start`
 * pays for Vite once per change. One build at a time across processes (parallel test files, two
 * terminals): the others wait on the lock and then find the build done.
 */
export async function ensureStorefrontBuilt(log: (message: string) => void): Promise<string> {
  const hash = sourceHash();
  if (builtFrom() === hash) return storefrontDist;
  const release = await lock(appRoot, {
    lockfilePath: join(appRoot, '.build.lock'),
    retries: { retries: 120, minTimeout: 500, maxTimeout: 1000 },
  });
  try {
    if (builtFrom() === hash) return storefrontDist;
    log('building the storefront (once per change of its sources)');
    const staging = `${storefrontDist}.${process.pid}`;
    await promisify(execFile)(
      process.execPath,
      [viteCli, 'build', '--outDir', staging, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: appRoot },
    );
    writeFileSync(join(staging, '.source-hash'), hash);
    rmSync(storefrontDist, { recursive: true, force: true });
    renameSync(staging, storefrontDist);
    return storefrontDist;
  } finally {
    await release();
  }
}

function builtFrom(): string | undefined {
  return existsSync(hashFile) ? readFileSync(hashFile, 'utf8') : undefined;
}

function sourceHash(): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) add(join(path, entry));
      return;
    }
    hash.update(path).update(readFileSync(path));
  };
  for (const source of sources) add(join(appRoot, source));
  return hash.digest('hex');
}
