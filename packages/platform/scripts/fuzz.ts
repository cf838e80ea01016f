/**
 * `npm run fuzz`: Schemathesis against `npm start`, with every check, on a data folder and ports
 * of its own. Exits non-zero on any failure (a 5xx, a status, content type, header or body the
 * spec does not declare, a bad request accepted...). FUZZ_MAX_EXAMPLES bounds the test cases per
 * operation and phase; FUZZ_SEED replays a run; arguments after `--` go to `st run` as they are
 * (`npm run fuzz -- --report har`).
 */
import { randomBytes } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createCheckoutClient, type CheckoutClient } from '@checkout/client';
import { freePort, repoRoot, startSmtpSink, type SmtpSink } from '@checkout/local-infra';
import {
  buyCourse,
  logLines,
  registerTestLead,
  startPlatformProcess,
  testCards,
  tokenizeTestCard,
  waitForOutcome,
} from '@checkout/test-kit';

const maxExamples = process.env.FUZZ_MAX_EXAMPLES ?? '400';
/** Leads and card tokens for fuzz-hooks.py's positive checkouts; used ones answer 409. */
const checkoutChains = 20;
const scriptsDir = join(repoRoot, 'packages/platform/scripts');

/** Two sessions of a student, so the bearer operations are fuzzed past their 401, and its credentials. */
async function signInAStudent(api: CheckoutClient, sink: SmtpSink) {
  const journey = await buyCourse(api, { cardNumber: testCards.approved });
  if (!journey.checkout.data) throw new Error(`checkout: ${journey.checkout.response.status}`);
  await waitForOutcome(api, journey.checkout.data.id);
  const email = await sink.waitFor((e) => e.to.includes(journey.studentEmail));
  const token = /\/activate\?token=([^\s"<&]+)/.exec(email.text)?.[1];
  if (!token) throw new Error('no activation link in the access e-mail');
  const password = 'fuzzer password';
  const activation = await api.POST('/access/activate', { body: { token, password } });
  if (activation.response.status !== 204)
    throw new Error(`activate: ${activation.response.status}`);
  const signIn = async () => {
    const session = await api.POST('/sessions', {
      body: { email: journey.studentEmail, password },
    });
    if (!session.data) throw new Error(`sign-in: ${session.response.status}`);
    return session.data.accessToken;
  };
  return {
    FUZZ_ACCESS_TOKEN: await signIn(),
    FUZZ_SIGN_OUT_TOKEN: await signIn(),
    FUZZ_STUDENT: JSON.stringify({ email: journey.studentEmail, password }),
  };
}

async function createCheckoutChains(api: CheckoutClient) {
  const chains = [];
  for (let n = 0; n < checkoutChains; n++) {
    const lead = await registerTestLead(api, `fuzz-${n}@example.com`);
    const card = await tokenizeTestCard(api, testCards.approved);
    if (!lead.data || !card.data)
      throw new Error('a lead or card of the checkout chains was refused');
    chains.push({ leadId: lead.data.id, cardToken: card.data.token });
  }
  return { FUZZ_CHECKOUT_CHAINS: JSON.stringify(chains) };
}

function runSchemathesis(baseUrl: string, env: Record<string, string>): Promise<number | null> {
  const st = execFileSync('bash', [join(repoRoot, 'scripts/provision/schemathesis.sh')], {
    encoding: 'utf8',
  }).trim();
  const args = [
    '--config-file',
    join(scriptsDir, 'schemathesis.toml'),
    'run',
    join(repoRoot, 'openapi/openapi.yaml'),
    '--url',
    baseUrl,
    '--max-examples',
    maxExamples,
    ...(process.env.FUZZ_SEED ? ['--seed', process.env.FUZZ_SEED] : []),
    ...process.argv.slice(2),
  ];
  console.log(`fuzz: ${st} ${args.join(' ')}`);
  // Tokens reach Schemathesis through its config file's ${...} and the hooks' environment, not argv.
  // Run from the cache folder: Hypothesis keeps its examples in .hypothesis/ of the working one.
  const cacheDir = join(repoRoot, '.tools/schemathesis/cache');
  mkdirSync(cacheDir, { recursive: true });
  const paths = { FUZZ_CACHE_DIR: cacheDir, FUZZ_HOOKS: join(scriptsDir, 'fuzz-hooks.py') };
  const child = spawn(st, args, {
    cwd: cacheDir,
    stdio: ['inherit', 'pipe', 'inherit'],
    env: { ...process.env, ...paths, ...env },
  });
  relayWithPlainHeadings(child.stdout);
  // 'close', not 'exit': after the last line of the report is relayed.
  return new Promise((resolve) => child.on('close', resolve));
}

/**
 * Schemathesis's report, with its pytest-style `==== title ====` rules printed as `--- title ---`:
 * CI reads a closing `==== 1 warning in 90s ====` as a pytest run that tested nothing, while the
 * test cases Schemathesis ran are in the lines above it.
 */
function relayWithPlainHeadings(report: Readable) {
  const lines = createInterface({ input: report, crlfDelay: Infinity });
  lines.on('line', (line) => {
    console.log(line.replace(/^=+ (.+?) =+$/, '--- $1 ---'));
  });
}

async function main(): Promise<number> {
  const sink = await startSmtpSink();
  const dataDir = mkdtempSync(join(tmpdir(), 'checkout-fuzz-'));
  chmodSync(dataDir, 0o755); // as root, the embedded PostgreSQL runs as another user
  const sellerApiKey = randomBytes(24).toString('base64url');
  const env = {
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    SELLER_API_KEY: sellerApiKey,
  };
  try {
    console.log('fuzz: starting the platform (npm start, embedded PostgreSQL)');
    const platform = await startPlatformProcess({ ...env, SMTP_URL: sink.url });
    try {
      const baseUrl = `${platform.baseUrl}/api/v1`;
      const api = createCheckoutClient({ baseUrl });
      console.log('fuzz: signing in a student and making leads and card tokens for checkouts');
      const secrets = {
        ...(await signInAStudent(api, sink)),
        ...(await createCheckoutChains(api)),
        FUZZ_SELLER_API_KEY: sellerApiKey,
      };
      const startedAt = Date.now();
      const code = await runSchemathesis(baseUrl, secrets);
      console.log(`fuzz: Schemathesis exited ${code} after ${Date.now() - startedAt} ms`);
      // A 5xx is explained by the platform's own error lines (its log carries no personal data).
      const errors = logLines(platform.output()).filter((line) => Number(line.level) >= 50);
      if (code !== 0 && errors.length > 0)
        console.log(
          `fuzz: the platform logged these errors:\n${errors.map((e) => JSON.stringify(e)).join('\n')}`,
        );
      return code ?? 1;
    } finally {
      const exitCode = await platform.stop('SIGINT');
      if (exitCode !== 0)
        console.log(`fuzz: the platform stopped with ${exitCode}:\n${platform.output()}`);
    }
  } finally {
    await sink.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('fuzz: could not run', error);
    process.exit(1);
  },
);
