import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '@checkout/local-infra';
import { lock } from 'proper-lockfile';
import { serviceNames } from '../services';

/** Where `npm run start:dapr` keeps the services' bundles (git-ignored, outside `npm run build`'s). */
export const serviceBundlesDir = join(repoRoot, 'dist/services');
const hashFile = join(serviceBundlesDir, '.source-hash');
/** What every bundle is made with, besides the services' own workspaces. */
const buildInputs = ['package-lock.json', 'openapi/openapi.yaml', 'scripts/image'];

/**
 * Builds each service as its image carries it (scripts/image/build-unit.sh: the bundle, the spec
 * and only its runtime packages) unless the folder already holds a build of these very sources,
 * so that start:dapr runs what a cluster runs and pays for the build once per change. One build
 * at a time across processes (parallel test files): the others wait on the lock, then find it done.
 */
export async function ensureServiceBundles(log: (message: string) => void): Promise<string> {
  const hash = sourceHash();
  if (builtFrom() === hash) return serviceBundlesDir;
  mkdirSync(join(repoRoot, 'dist'), { recursive: true });
  const release = await lock(join(repoRoot, 'dist'), {
    lockfilePath: join(repoRoot, 'dist/services.lock'),
    retries: { retries: 120, minTimeout: 500, maxTimeout: 1000 },
  });
  try {
    if (builtFrom() === hash) return serviceBundlesDir;
    log(`building the ${serviceNames.length} services' bundles (once per change of their sources)`);
    removeLeftovers();
    const staging = `${serviceBundlesDir}.${process.pid}`;
    // Two at a time: bundling is quick, copying runtime packages is mostly waiting on the disk.
    for (let next = 0; next < serviceNames.length; next += 2)
      await Promise.all(
        serviceNames.slice(next, next + 2).map((name) => buildUnit(name, join(staging, name))),
      );
    writeFileSync(join(staging, '.source-hash'), hash);
    const previous = `${serviceBundlesDir}.old-${process.pid}`;
    if (existsSync(serviceBundlesDir)) renameSync(serviceBundlesDir, previous);
    renameSync(staging, serviceBundlesDir);
    // Tens of thousands of files (each image's packages): removed while the platform starts.
    rm(previous, { recursive: true, force: true }).catch(() => undefined);
    return serviceBundlesDir;
  } finally {
    await release();
  }
}

/** Builds or old builds that a stopped process left (dist/services.<pid>, dist/services.old-<pid>). */
function removeLeftovers() {
  const dist = join(repoRoot, 'dist');
  for (const name of readdirSync(dist))
    if (/^services\.(old-)?\d+$/.test(name))
      rmSync(join(dist, name), { recursive: true, force: true });
}

const buildUnit = (name: string, out: string) =>
  promisify(execFile)('bash', [join(repoRoot, 'scripts/image/build-unit.sh'), name, out], {
    cwd: repoRoot,
  });

function builtFrom(): string | undefined {
  return existsSync(hashFile) ? readFileSync(hashFile, 'utf8') : undefined;
}

/** The workspaces a service's bundle takes code from: its own and, transitively, @checkout/ ones. */
function workspaceFolders(): string[] {
  const folders = new Map<string, string>();
  for (const parent of ['services', 'packages'])
    for (const name of readdirSync(join(repoRoot, parent)))
      folders.set(`@checkout/${name}`, `${parent}/${name}`);
  const wanted = new Set(serviceNames.map((name) => `services/${name}`));
  for (const folder of wanted) {
    const manifest = JSON.parse(readFileSync(join(repoRoot, folder, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    for (const dependency of Object.keys(manifest.dependencies ?? {}))
      if (folders.has(dependency)) wanted.add(folders.get(dependency)!);
  }
  return [...wanted].sort();
}

function sourceHash(): string {
  const hash = createHash('sha256');
  const add = (path: string) => {
    const file = join(repoRoot, path);
    if (!existsSync(file)) return;
    if (statSync(file).isDirectory()) {
      for (const entry of readdirSync(file).sort()) add(join(path, entry));
      return;
    }
    hash.update(path).update(readFileSync(file));
  };
  for (const folder of workspaceFolders())
    ['package.json', 'src'].forEach((p) => add(join(folder, p)));
  buildInputs.forEach(add);
  return hash.digest('hex');
}
