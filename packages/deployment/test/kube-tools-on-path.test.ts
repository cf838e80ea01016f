import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@checkout/test-kit';

/**
 * How each tool's release binary answers the question scripts/provision/kube-tools.sh asks it
 * (from the tools' sources at the pinned versions: helm's cmd/helm/version.go, kubeconform's
 * main.go with .goreleaser.yml, k3d's cmd/root.go, skaffold's version command, tilt's
 * HumanBuildStamp).
 */
const releases = {
  helm: { asked: 'version --template {{.Version}}', answer: (version: string) => version },
  kubeconform: { asked: '-v', answer: (version: string) => `${version}\n` },
  k3d: {
    asked: 'version',
    answer: (version: string) => `k3d version ${version}\nk3s version v1.31.5-k3s1 (default)\n`,
  },
  skaffold: { asked: 'version', answer: (version: string) => `${version}\n` },
  tilt: { asked: 'version', answer: (version: string) => `${version}, built 2024-11-08\n` },
};
type Tool = keyof typeof releases;

/** Runs kube-tools.sh with a fake `tool` first on PATH that gives `version` in its release's words. */
function withToolOnPath(tool: Tool, version: string, args: string[]) {
  const bin = mkdtempSync(join(tmpdir(), 'kube-tools-path-'));
  const fake = join(bin, tool);
  const { asked, answer } = releases[tool];
  writeFileSync(
    fake,
    `#!/bin/sh\n[ "$*" = '${asked}' ] || exit 64\nprintf '%s' '${answer(version)}'\n`,
  );
  chmodSync(fake, 0o755);
  // Bounded: the decision runs the tool once and never builds.
  const run = spawnSync(
    'bash',
    [join(repoRoot, 'scripts/provision/kube-tools.sh'), tool, ...args],
    {
      encoding: 'utf8',
      timeout: 10_000,
      env: { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` },
    },
  );
  rmSync(bin, { recursive: true });
  return { fake, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The pinned version, in the script's own words when it turns down another one. */
function pinnedVersion(tool: Tool): string {
  const { stderr } = withToolOnPath(tool, 'v0.0.1', ['--on-path']);
  const pin = new RegExp(`^${tool} (v\\S+): PATH has ${tool} v0\\.0\\.1 \\(`).exec(stderr)?.[1];
  if (!pin) throw new Error(`kube-tools.sh did not name the pinned ${tool}: ${stderr}`);
  return pin;
}

describe.each(Object.keys(releases) as Tool[])('%s', (tool) => {
  it('is used from PATH at once, with nothing built, when it reports the pinned version', () => {
    const run = withToolOnPath(tool, pinnedVersion(tool), []);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${run.fake}\n`);
  });

  it('is not used from PATH when it reports another version, the pin being a prefix or not', () => {
    const pin = pinnedVersion(tool);
    for (const other of ['v0.0.1', `${pin}1`, `${pin}-dev`]) {
      const run = withToolOnPath(tool, other, ['--on-path']);
      expect(run.stderr).toBe(`${tool} ${pin}: PATH has ${tool} ${other} (${run.fake})\n`);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe('');
    }
  });
});

it('pod-security-check, ours, is never taken from PATH', () => {
  const run = spawnSync(
    'bash',
    [join(repoRoot, 'scripts/provision/kube-tools.sh'), 'pod-security-check', '--on-path'],
    { encoding: 'utf8', timeout: 10_000 },
  );
  expect(run.stderr).toMatch(
    /^pod-security-check \w+: ours \(tools\/pod-security-check\), always built\n$/,
  );
  expect(run.status).toBe(1);
});
