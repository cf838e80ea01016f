import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { serviceNames } from '@checkout/platform';
import { repoRoot } from '@checkout/test-kit';
import {
  kubeTool,
  named,
  pathWithHelm,
  podTemplate,
  runTool,
  validateManifests,
  type Manifest,
} from '../src';

const units = [...serviceNames, 'migrate', 'storefront'];
const fullname = 'checkout-course-checkout';
const work = mkdtempSync(join(tmpdir(), 'dev-tooling-'));

// Unless on PATH at the pinned versions, skaffold, tilt and k3d are built with the go command the
// first time (several minutes).
beforeAll(() => {
  for (const tool of ['helm', 'kubeconform', 'skaffold', 'tilt', 'k3d'] as const) kubeTool(tool);
}, 1_800_000);

describe('skaffold.yaml', () => {
  const skaffold = (args: string[]) =>
    runTool(kubeTool('skaffold'), [...args, '--update-check=false'], {
      env: { PATH: pathWithHelm(), SKAFFOLD_COLLECT_METRICS: 'false' },
    });

  it('passes skaffold diagnose', () => {
    const diagnose = skaffold(['diagnose', '--yaml-only']);
    expect(diagnose.stderr).toBe('');
    expect(diagnose.status).toBe(0);
  });

  it.each(['dev', 'ci'])(
    'renders the %s profile offline, each workload running the image skaffold built for it',
    (profile) => {
      const builds = join(work, 'builds.json');
      const tagOf = (unit: string) => `registry.test/checkout-${unit}:built`;
      writeFileSync(
        builds,
        JSON.stringify({
          builds: units.map((unit) => ({ imageName: `checkout-${unit}`, tag: tagOf(unit) })),
        }),
      );
      const rendered = join(work, `${profile}.yaml`);
      const render = skaffold([
        'render',
        '--output',
        rendered,
        '-p',
        profile,
        '--offline=true',
        '--digest-source=none',
        '-a',
        builds,
      ]);
      expect(render.status).toBe(0);
      const text = readFileSync(rendered, 'utf8');
      const manifests = parseAllDocuments(text)
        .map((document) => document.toJS() as Manifest)
        .filter(Boolean);
      for (const name of serviceNames) {
        const pod = podTemplate(named(manifests, 'Deployment', `${fullname}-${name}`));
        expect(pod.spec.containers[0]?.image).toBe(tagOf(name));
      }
      expect(
        podTemplate(named(manifests, 'Job', `${fullname}-migrations`)).spec.containers[0]?.image,
      ).toBe(tagOf('migrate'));
      expect(
        podTemplate(named(manifests, 'Deployment', `${fullname}-storefront`)).spec.containers[0]
          ?.image,
      ).toBe(tagOf('storefront'));
      expect(validateManifests(text).problems).toEqual([]);
    },
  );
});

describe('the Tiltfile', () => {
  interface TiltManifest {
    Name: string;
    ResourceDependencies?: string[];
    ImageTargets: {
      selector: string;
      BuildDetails: { target?: string; args?: string[] };
      overrideCommand?: { command?: string[] };
      LiveUpdateSpec?: {
        syncs?: { localPath: string; containerPath: string }[];
        stopPaths?: string[];
      };
    }[];
  }
  let result: { Error: unknown; Manifests: TiltManifest[] };

  beforeAll(() => {
    // Tilt refuses any context but a local cluster's; this one is never contacted.
    const kubeconfig = join(work, 'kubeconfig');
    writeFileSync(
      kubeconfig,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters: [{ name: k3d-checkout, cluster: { server: "https://127.0.0.1:6550" } }]',
        'users: [{ name: admin@k3d-checkout, user: { token: offline } }]',
        'contexts: [{ name: k3d-checkout, context: { cluster: k3d-checkout, user: admin@k3d-checkout } }]',
        'current-context: k3d-checkout',
      ].join('\n'),
    );
    const evaluated = runTool(kubeTool('tilt'), ['alpha', 'tiltfile-result'], {
      env: { PATH: pathWithHelm(), KUBECONFIG: kubeconfig, TILT_DISABLE_ANALYTICS: '1' },
    });
    expect(evaluated.stderr).not.toMatch(/error/i);
    result = JSON.parse(evaluated.stdout) as typeof result;
  }, 120_000);

  const manifest = (name: string) => {
    const found = result.Manifests.find((entry) => entry.Name === `${fullname}-${name}`);
    if (!found) throw new Error(`the Tiltfile has no resource for ${name}`);
    return found;
  };

  it('evaluates without error', () => {
    expect(result.Error).toBeNull();
  });

  it.each(serviceNames)(
    'live-updates %s: its sources are synced into the dev image, no rebuild',
    (name) => {
      const [image] = manifest(name).ImageTargets;
      expect(image?.selector).toBe(`checkout-${name}`);
      expect(image?.BuildDetails).toMatchObject({ target: 'dev', args: [`UNIT=${name}`] });
      expect(image?.LiveUpdateSpec?.syncs).toEqual(
        expect.arrayContaining([
          { localPath: 'packages', containerPath: '/repo/packages' },
          { localPath: 'services', containerPath: '/repo/services' },
        ]),
      );
      expect(image?.LiveUpdateSpec?.stopPaths).toEqual(['package.json', 'package-lock.json']);
    },
  );

  it('live-updates the storefront: its sources are synced and its server, watching the pages, builds them again', () => {
    const [image] = manifest('storefront').ImageTargets;
    expect(image?.selector).toBe('checkout-storefront');
    expect(image?.BuildDetails).toMatchObject({ target: 'dev', args: ['UNIT=storefront'] });
    expect(image?.LiveUpdateSpec?.syncs).toEqual(
      expect.arrayContaining([
        { localPath: 'apps/storefront', containerPath: '/repo/apps/storefront' },
        { localPath: 'packages', containerPath: '/repo/packages' },
      ]),
    );
    const command = image?.overrideCommand?.command ?? [];
    expect(command.slice(0, 2)).toEqual(['node_modules/.bin/tsx', 'watch']);
    expect(command).toEqual(
      expect.arrayContaining(['apps/storefront/src/**', 'apps/storefront/server/main.ts']),
    );
  });

  it('starts the infrastructure, then the migrations, then the services', () => {
    expect(manifest('migrations').ResourceDependencies).toEqual([`${fullname}-dev-postgresql`]);
    for (const name of serviceNames)
      expect(manifest(name).ResourceDependencies).toEqual(
        expect.arrayContaining([`${fullname}-migrations`, `${fullname}-dev-rabbitmq`]),
      );
  });
});

describe('deploy/k3d.yaml', () => {
  it('passes k3d config validation, with the ingress on 8080, a registry and Kubernetes 1.33', () => {
    const migrated = join(work, 'k3d.yaml');
    const validation = runTool(kubeTool('k3d'), [
      'config',
      'migrate',
      join(repoRoot, 'deploy/k3d.yaml'),
      migrated,
    ]);
    expect(validation.status).toBe(0);
    const config = parse(readFileSync(migrated, 'utf8'));
    expect(config.ports).toEqual([{ port: '8080:80', nodeFilters: ['loadbalancer'] }]);
    expect(config.registries.create).toMatchObject({
      name: 'checkout-registry.localhost',
      hostPort: '5111',
    });
    expect(config.image).toMatch(/k3s:v1\.33\./);
  });
});
