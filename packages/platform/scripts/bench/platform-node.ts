import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '@checkout/local-infra';

/**
 * The Node.js the bench runs the platform on: SERVICE_NODE when given, otherwise the one the images
 * ship (the Dockerfile's version, fetched once from the npm registry by node-runtime.sh), because
 * that is what operators run and what the figures should price. Prints which.
 */
export function choosePlatformNode(): void {
  process.env.SERVICE_NODE ||= execFileSync(
    'bash',
    [join(repoRoot, 'scripts/provision/node-runtime.sh')],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  ).trim();
  const version = execFileSync(process.env.SERVICE_NODE, ['--version'], { encoding: 'utf8' });
  console.log(`platform on Node ${version.trim()} (${process.env.SERVICE_NODE})`);
}
