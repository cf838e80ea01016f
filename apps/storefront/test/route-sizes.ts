import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pagePaths } from '../src/page-paths';

/** A chunk in Vite's build manifest (`build.manifest: true`), keyed there by its source. */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface RouteSize {
  route: keyof typeof pagePaths;
  path: string;
  /** The route's own lazy chunk. */
  pageChunk: string;
  /** The JavaScript files a first visit to the route loads. */
  files: string[];
  gzipBytes: number;
}

/** Each page lives in src/pages/ under its page-paths.ts name, kebab-cased. */
const pageSource = (route: string) =>
  `src/pages/${route.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}.tsx`;

/**
 * Per route, the gzip size of the JavaScript a first visit loads: the entry, the route's lazy
 * chunk, and every chunk either imports statically. Each file is gzipped on its own, as a server
 * sends it.
 */
export function routeSizes(distDir: string): RouteSize[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('the manifest names no entry chunk');
  const chunk = (key: string) => {
    const found = manifest[key];
    if (!found) throw new Error(`the manifest has no chunk for ${key}`);
    return found;
  };
  const withImports = (key: string, seen: Set<string>): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of chunk(key).imports ?? []) withImports(imported, seen);
    return seen;
  };
  return Object.entries(pagePaths).map(([route, path]) => {
    const keys = withImports(pageSource(route), withImports(entry, new Set()));
    const files = [...keys].map((key) => chunk(key).file);
    const gzipBytes = files.reduce(
      (total, file) => total + gzipSync(readFileSync(join(distDir, file))).length,
      0,
    );
    const pageChunk = chunk(pageSource(route)).file;
    return { route: route as RouteSize['route'], path, pageChunk, files, gzipBytes };
  });
}

/** The sizes as a table to print. */
export function formatRouteSizes(sizes: RouteSize[]): string {
  const rows = sizes.map(
    ({ path, files, gzipBytes }) =>
      `${path.padEnd(24)} ${(gzipBytes / 1024).toFixed(1).padStart(6)} KB  ${files.length} files`,
  );
  return [`${'route'.padEnd(24)} ${'gzip JS'.padStart(9)}`, ...rows].join('\n');
}
