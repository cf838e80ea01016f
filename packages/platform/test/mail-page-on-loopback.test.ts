import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startChild, type RunningChild } from '@checkout/local-infra';
import { npmStartArgs, repoRoot, waitUntil } from '@checkout/test-kit';

const run = promisify(execFile);

/**
 * The platform in a network namespace of its own, where this machine's test traffic may go: its
 * loopback, and a second interface (a veth pair) with an address that is not loopback. Requests
 * are made from inside it with curl, so nothing leaves the namespace.
 */
const otherAddress = '10.77.0.1';
const setUpNetwork = [
  'ip link set lo up',
  'ip link add probe0 type veth peer name probe1',
  `ip addr add ${otherAddress}/24 dev probe0`,
  'ip link set probe0 up',
  'ip link set probe1 up',
].join(' && ');

const canIsolate =
  spawnSync('unshare', ['--net', 'sh', '-c', `${setUpNetwork} && curl --version`]).status === 0;
if (!canIsolate)
  console.warn(
    'skipped: this machine cannot make a network namespace with a veth pair (unshare, ip, curl as root)',
  );

let platform: RunningChild;
let dataDir: string;
/** curl from inside the platform's namespace: what it printed, empty when nothing answered. */
const curl = async (...args: string[]) => {
  const inside = [`--net=/proc/${platform.pid}/ns/net`, 'curl', '-s', '--max-time', '5'];
  const { stdout } = await run('nsenter', [...inside, ...args]).catch(
    (error: { stdout: string }) => error,
  );
  return stdout;
};
/** GET `url`: the status, or 0 when nothing answers. */
const statusOf = async (url: string) =>
  Number(await curl('-o', '/dev/null', '-w', '%{http_code}', url));

beforeAll(async () => {
  if (!canIsolate) return;
  dataDir = mkdtempSync(join(tmpdir(), 'checkout-loopback-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as its own user and must reach its folder
  // Embedded database and built-in SMTP sink (the mail page needs it), inside the namespace.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '0.0.0.0',
    PORT: '8080',
    DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.PUBLIC_URL;
  platform = startChild(
    'the platform in its own network',
    'unshare',
    ['--net', 'sh', '-c', `${setUpNetwork} && exec node ${npmStartArgs.join(' ')}`],
    { cwd: repoRoot, env, output: 'keep' },
  );
  await waitUntil(
    'the platform to be ready in its namespace',
    async () => {
      const exited = platform.exitReason();
      if (exited) throw new Error(`${exited}:\n${platform.output()}`);
      return (await statusOf('http://127.0.0.1:8080/readyz')) === 200 || undefined;
    },
    120_000,
    500,
  );
}, 150_000);
afterAll(async () => {
  await platform?.stop('SIGINT');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

(canIsolate ? describe : describe.skip)('the mail page of the built-in SMTP sink', () => {
  it('is served on the loopback address', async () => {
    expect(await statusOf('http://127.0.0.1:8080/dev/mail')).toBe(200);
  });

  it('runs no script and loads nothing from elsewhere', async () => {
    const headers = await curl('-o', '/dev/null', '-D', '-', 'http://127.0.0.1:8080/dev/mail');
    const policy = /^content-security-policy: (.*)$/im.exec(headers)?.[1];
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toContain('script-src');
    expect(headers).toMatch(/^x-content-type-options: nosniff/im);
    // PUBLIC_URL is plain http here.
    expect(headers).not.toMatch(/^strict-transport-security:/im);
  });

  it('is not there for a request that arrives on another interface, where the API is', async () => {
    expect(await statusOf(`http://${otherAddress}:8080/api/v1/courses`)).toBe(200);
    expect(await statusOf(`http://${otherAddress}:8080/dev/mail`)).toBe(404);
  });
});
