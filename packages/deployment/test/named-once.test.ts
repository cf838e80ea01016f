import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '@checkout/local-infra';
import { serviceNames } from '@checkout/platform';

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

// The services are the workspaces under services/; the Tiltfile and the image build list them
// from there or from the chart's values. These are the places that must name them themselves.
describe('the list of services', () => {
  const workspaces = readdirSync(join(repoRoot, 'services')).sort();

  it('is the same in the workspaces, the platform, the chart values and the values schema', () => {
    const values = parse(read('charts/course-checkout/values.yaml')) as {
      services: Record<string, unknown>;
    };
    const schema = JSON.parse(read('charts/course-checkout/values.schema.json')) as {
      properties: { services: { propertyNames: { enum: string[] } } };
    };
    expect([...serviceNames].sort()).toEqual(workspaces);
    expect(Object.keys(values.services).sort()).toEqual(workspaces);
    expect([...schema.properties.services.propertyNames.enum].sort()).toEqual(workspaces);
  });
});

// The image build (scripts/image) finds its units in services/ and apps/; skaffold.yaml must list
// each image itself, and hand each to the chart.
describe('the images', () => {
  interface Skaffold {
    build: { artifacts: { image: string; docker: { buildArgs: { UNIT: string } } }[] };
    manifests: { helm: { releases: { setValueTemplates: Record<string, string> }[] } };
  }
  const skaffold = parse(read('skaffold.yaml')) as Skaffold;
  const artifacts = skaffold.build.artifacts;

  it('are one per workspace under services/ and apps/, plus the migrations, in skaffold.yaml', () => {
    const units = [
      ...readdirSync(join(repoRoot, 'services')),
      ...readdirSync(join(repoRoot, 'apps')),
      'migrate',
    ].sort();
    expect(artifacts.map((artifact) => artifact.docker.buildArgs.UNIT).sort()).toEqual(units);
    for (const { image, docker } of artifacts)
      expect(image).toBe(`checkout-${docker.buildArgs.UNIT}`);
  });

  it('are each handed to the chart by skaffold, once', () => {
    const handed = Object.values(skaffold.manifests.helm.releases[0]?.setValueTemplates ?? {}).map(
      (template) => /IMAGE_FULLY_QUALIFIED_(\w+)/.exec(template)?.[1],
    );
    expect(handed.sort()).toEqual(
      artifacts.map((artifact) => artifact.image.replaceAll('-', '_')).sort(),
    );
  });
});

describe('the Dapr version', () => {
  it("of the README's control-plane install is the one daprd is built at", () => {
    const built = /dapr_version="\$\{DAPR_VERSION:-([\d.]+)\}"/.exec(
      read('scripts/provision/dapr-version.sh'),
    )?.[1];
    const installed = /helm upgrade --install dapr dapr .*--version ([\d.]+)/.exec(
      read('README.md'),
    )?.[1];
    expect(built).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(built);
  });
});
