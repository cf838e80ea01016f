// Copies into <to>/node_modules only the installed packages a bundle needs at run time: those in
// its externals.json (each resolved from the folder that requires it, which picks its version)
// and, transitively, their dependencies, resolved as Node resolves them. Nothing else of the
// workspace's node_modules reaches the image. Two versions of one package at the top: an error
// (two copies of one version, nested in two workspaces: one).
// Usage: node scripts/image/copy-runtime-dependencies.mjs <externals.json> <to>
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const [externalsFile, to] = process.argv.slice(2).map((path) => resolve(path));
if (!externalsFile || !to) {
  console.error('usage: copy-runtime-dependencies.mjs <externals.json> <to>');
  process.exit(2);
}
const root = process.cwd();
/** Installed package folder -> where it goes in the image. */
const destinations = new Map();
const owners = new Map();

function locate(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === root || dir === dirname(dir)) return undefined;
  }
}

/**
 * Nested inside another package's node_modules: stays nested under that package. Installed for
 * the workspace root or a workspace: goes to the image's top node_modules, beside the bundle.
 */
function destinationOf(dir) {
  const parts = relative(root, dir).split(sep);
  const last = parts.lastIndexOf('node_modules');
  const container = parts.slice(0, last);
  const name = parts.slice(last + 1).join('/');
  return container.includes('node_modules')
    ? join(destinationOf(join(root, ...container)), 'node_modules', name)
    : join(to, 'node_modules', name);
}

const versionOf = (dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;

function keep(name, from, optional) {
  const dir = locate(name, from);
  if (!dir && optional) return;
  if (!dir) throw new Error(`${name}, needed by ${relative(root, from)}, is not installed`);
  if (destinations.has(dir)) return;
  const destination = destinationOf(dir);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const owner = owners.get(destination);
  if (owner && owner !== dir) {
    // Two workspaces may each hold a copy of one version (npm nests both when the root holds
    // another version): the first one's is the package both need.
    if (versionOf(owner) === manifest.version) return;
    throw new Error(`${relative(root, owner)} and ${relative(root, dir)} both want ${destination}`);
  }
  destinations.set(dir, destination);
  owners.set(destination, dir);
  for (const dependency of Object.keys(manifest.dependencies ?? {})) keep(dependency, dir, false);
  const optionals = { ...manifest.optionalDependencies, ...manifest.peerDependencies };
  for (const dependency of Object.keys(optionals)) keep(dependency, dir, true);
}

for (const { name, from } of JSON.parse(readFileSync(externalsFile, 'utf8')))
  keep(name, join(root, from), false);
for (const [dir, destination] of destinations) {
  cpSync(dir, destination, {
    recursive: true,
    // Nested node_modules hold other packages: copied only when needed themselves.
    filter: (path) => !relative(dir, path).split(sep).includes('node_modules'),
  });
}
console.log(`copied ${destinations.size} runtime packages into ${to}/node_modules`);
