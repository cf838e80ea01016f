import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The repository's root: where scripts/, dapr-components/ and the cached tools (.tools/) are. */
export const repoRoot = join(__dirname, '../../..');

export type ProvisionScript =
  | 'daprd'
  | 'rabbitmq'
  | 'postgresql'
  | 'kube-tools'
  | 'kube-schemas'
  | 'dapr-crds'
  | 'prometheus-operator-crds'
  | 'chromium';

/**
 * Runs one of scripts/provision (idempotent and cached, so a second call takes a moment) and
 * returns the last line it prints: a path or a URL. Its progress lines go to our stderr as they
 * come, since a first build can take minutes.
 */
export function provision(script: ProvisionScript, ...args: string[]): string {
  const output = execFileSync(
    'bash',
    [join(repoRoot, 'scripts/provision', `${script}.sh`), ...args],
    {
      cwd: repoRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return output.trim().split('\n').at(-1) ?? '';
}
