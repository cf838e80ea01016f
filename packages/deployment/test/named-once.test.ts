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
