import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Logger } from '@checkout/service-kit';

const run = promisify(execFile);
export const repoRoot = join(__dirname, '../../../..');

/**
 * Runs one of scripts/provision (idempotent, cached) and returns what it prints: a path or a URL.
 * Its progress lines go to the log.
 */
export async function provision(
  script: 'daprd' | 'rabbitmq' | 'postgresql',
  logger: Logger,
): Promise<string> {
  logger.info(`provisioning ${script} (the first time can take minutes)`);
  const { stdout, stderr } = await run(
    'bash',
    [join(repoRoot, 'scripts/provision', `${script}.sh`)],
    {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  for (const line of stderr.split('\n').filter(Boolean)) logger.info({ script }, line);
  return stdout.trim().split('\n').at(-1) ?? '';
}

/** Runs a command and tells whether it succeeded (is RabbitMQ running? did it stop?). */
export async function succeeds(check: [string, ...string[]]): Promise<boolean> {
  return run(check[0], check.slice(1)).then(
    () => true,
    () => false,
  );
}
