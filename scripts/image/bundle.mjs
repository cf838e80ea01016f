// Bundles one deployable unit (a service, the migrations or the storefront's server) into
// <out>/main.js for its image: our workspace code is bundled, third-party packages stay external
// and are listed in <out>/externals.json for copy-runtime-dependencies.mjs. The OpenAPI spec goes
// beside the units that read it (run with OPENAPI_SPEC=<out>/openapi.yaml).
// Usage: node scripts/image/bundle.mjs <unit> <out>
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import { build } from 'esbuild';

const [unit, out] = process.argv.slice(2);
// One unit per workspace under services/ and apps/ (the storefront), and the migrations.
const entries = {
  ...Object.fromEntries(
    readdirSync('services').map((name) => [name, `services/${name}/src/main.ts`]),
  ),
  ...Object.fromEntries(readdirSync('apps').map((name) => [name, `apps/${name}/server/main.ts`])),
  migrate: 'packages/platform/src/migrate.ts',
};
if (!entries[unit] || !out) {
  console.error(`usage: bundle.mjs <${Object.keys(entries).join('|')}> <out-dir>`);
  process.exit(2);
}

const packageName = (path) =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/');
/** Each package the bundle requires, with the folder it is required from (which picks its version). */
const externals = new Map();
const keepPackagesExternal = {
  name: 'keep-packages-external',
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, ({ path, resolveDir }) => {
      if (path.startsWith('@checkout/')) return undefined;
      const name = packageName(path);
      if (!builtinModules.includes(name.replace(/^node:/, ''))) {
        const from = relative(process.cwd(), resolveDir);
        externals.set(`${name} ${from}`, { name, from });
      }
      return { path, external: true };
    });
  },
};

mkdirSync(out, { recursive: true });
await build({
  entryPoints: [entries[unit]],
  outfile: join(out, 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  plugins: [keepPackagesExternal],
  logLevel: 'warning',
});
// An app (the storefront) serves built pages and reads no spec.
if (!entries[unit].startsWith('apps/'))
  copyFileSync('openapi/openapi.yaml', join(out, 'openapi.yaml'));
writeFileSync(join(out, 'externals.json'), JSON.stringify([...externals.values()], null, 2));
console.log(`bundled ${unit} into ${out}/main.js (${externals.size} external packages)`);
