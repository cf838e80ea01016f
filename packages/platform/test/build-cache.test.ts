import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@checkout/test-kit';

/**
 * `npm start`'s build of the platform (packages/platform/scripts/build-platform.mjs), into a
 * folder of each test's own so that the platforms other suites run are left alone.
 */
const buildScript = join(repoRoot, 'packages/platform/scripts/build-platform.mjs');
const outDirs: string[] = [];
const newOutDir = () => {
  outDirs.push(mkdtempSync(join(tmpdir(), 'platform-build-')));
  return outDirs.at(-1)!;
};
afterAll(() => outDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Runs the build as npm start does; returns the lines it logged. */
const ensureBuilt = (outDir: string) =>
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { ensurePlatformBuilt } from ${JSON.stringify(buildScript)};
       await ensurePlatformBuilt(console.log, process.argv[1]);`,
      outDir,
    ],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter(Boolean);

const building = "building the platform's server code (once per change of its sources)";

it('builds once, and not again while no input changed, even when a source is touched', () => {
  const outDir = newOutDir();
  expect(ensureBuilt(outDir)).toEqual([building]);
  expect(ensureBuilt(outDir)).toEqual([]);
  // A content hash, not mtimes: a checkout or a touch that leaves the text alone builds nothing.
  const now = new Date();
  utimesSync(join(repoRoot, 'packages/platform/src/main.ts'), now, now);
  expect(ensureBuilt(outDir)).toEqual([]);
}, 60_000);

it('builds again when an input is not what the last build read', () => {
  const outDir = newOutDir();
  ensureBuilt(outDir);
  const stampFile = join(outDir, 'build-stamp.json');
  const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as { hash: string; inputs: string[] };
  expect(stamp.inputs).toContain('packages/platform/src/main.ts');
  writeFileSync(stampFile, JSON.stringify({ ...stamp, hash: `${stamp.hash}, then edited` }));
  expect(ensureBuilt(outDir)).toEqual([building]);
  expect(ensureBuilt(outDir)).toEqual([]);
}, 60_000);

it("runs from its own folder, and its stack traces name the TypeScript sources' lines", () => {
  const outDir = newOutDir();
  ensureBuilt(outDir);
  const run = spawnSync(process.execPath, ['--enable-source-maps', join(outDir, 'main.js')], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, LOG_FORMAT: 'json', CARD_TTL_SECONDS: 'soon' },
    timeout: 30_000,
  });
  expect(run.status).toBe(1);
  const fatal = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as {
    msg: string;
    err: { stack: string };
  };
  expect(fatal.msg).toContain('CARD_TTL_SECONDS must be a whole number');
  expect(fatal.err.stack).toMatch(/packages\/platform\/src\/config\.ts:\d+:\d+/);
}, 60_000);
