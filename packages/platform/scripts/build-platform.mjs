// The platform's server code compiled to JavaScript for `npm start`: one esbuild bundle per entry
// (main.js, the process npm starts; worker.js, each worker it forks) with source maps, in
// packages/platform/dist/ (git-ignored). It is built again only when an input changed: the stamp
// beside it holds a content hash of every file the last build read (esbuild's metafile), this
// script and the lockfile. A content hash rather than mtimes, because a branch switch, a stash or
// an rsync can bring back older contents with any mtime; hashing the ~170 inputs takes ~10 ms.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const platformRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(platformRoot, '../..');
const stampName = 'build-stamp.json';
const entryPoints = {
  main: 'packages/platform/src/main.ts',
  worker: 'packages/platform/src/worker.ts',
};
/** Inputs that are no source file of the bundle but change what it is. */
const alwaysHashed = [relative(repoRoot, fileURLToPath(import.meta.url)), 'package-lock.json'];

function hashOf(inputs) {
  const hash = createHash('sha256');
  for (const input of [...alwaysHashed, ...inputs]) {
    const file = join(repoRoot, input);
    hash.update(input).update(existsSync(file) ? readFileSync(file) : 'missing');
  }
  return hash.digest('hex');
}

function isUpToDate(outDir) {
  const stampFile = join(outDir, stampName);
  if (!existsSync(stampFile)) return false;
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  return stamp.hash === hashOf(stamp.inputs);
}

/**
 * Third-party packages stay external, each required by the file node finds from the source that
 * imports it, so that a workspace's own copy (service-kit's ajv, marketing's lru-cache) stays its
 * own. Our workspaces (@checkout/*) are TypeScript and are bundled.
 */
const packagesWhereNodeFindsThem = (outDir) => ({
  name: 'packages-where-node-finds-them',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path, resolveDir }) => {
      if (path.startsWith('@checkout/')) return undefined;
      if (builtinModules.includes(path.replace(/^node:/, ''))) return { path, external: true };
      try {
        const file = createRequire(join(resolveDir, 'index.js')).resolve(path);
        return { path: relative(outDir, file), external: true }; // always ../…: outDir holds no package
      } catch {
        return { path, external: true }; // one node resolves only at run time (ESM-only)
      }
    });
  },
});

/** `__dirname` keeps naming the source's folder, which code uses to find the repo's files. */
const sourceFolders = (outDir) => ({
  name: 'source-folders',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      if (!text.includes('__dirname')) return undefined;
      const folder = JSON.stringify(relative(outDir, dirname(path)));
      // On the first line, so that the source map's line numbers stay the source's own.
      const prefix = `const __sourceDirname = require('node:path').join(__dirname, ${folder}); `;
      return { contents: prefix + text.replace(/\b__dirname\b/g, '__sourceDirname'), loader: 'ts' };
    });
  },
});

async function build(outDir) {
  const { build: bundle } = await import('esbuild');
  // Built beside outDir (same depth, so the same relative paths), then moved in.
  const staging = `${outDir}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const result = await bundle({
    absWorkingDir: repoRoot,
    entryPoints,
    outdir: staging,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    metafile: true,
    plugins: [packagesWhereNodeFindsThem(outDir), sourceFolders(outDir)],
    logLevel: 'warning',
  });
  const inputs = Object.keys(result.metafile.inputs).sort();
  writeFileSync(join(staging, stampName), JSON.stringify({ hash: hashOf(inputs), inputs }));
  // File by file, the stamp last: a process starting (or forking a worker) meanwhile finds every
  // file whole, and no one trusts the new files before they are all in place.
  mkdirSync(outDir, { recursive: true });
  for (const file of [...readdirSync(staging).filter((name) => name !== stampName), stampName])
    renameSync(join(staging, file), join(outDir, file));
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Builds the platform's server code unless `outDir` (dist/ by default) holds a build of these
 * very inputs; returns the entry to run. One build at a time across processes (parallel test
 * files, two terminals): the others wait on the lock and then find the build done.
 */
export async function ensurePlatformBuilt(log, outDir = join(platformRoot, 'dist')) {
  const main = join(outDir, 'main.js');
  if (isUpToDate(outDir)) return main;
  const { lock } = (await import('proper-lockfile')).default;
  const release = await lock(platformRoot, {
    lockfilePath: join(platformRoot, '.build.lock'),
    retries: { retries: 120, minTimeout: 500, maxTimeout: 1000 },
  });
  try {
    if (isUpToDate(outDir)) return main;
    log("building the platform's server code (once per change of its sources)");
    await build(outDir);
    return main;
  } finally {
    await release();
  }
}
