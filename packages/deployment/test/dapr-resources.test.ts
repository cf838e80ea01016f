import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { accessPolicies, serviceNames } from '@checkout/platform';
import { repoRoot } from '@checkout/test-kit';
import { named, ofKind, profiles, renderChart, type Manifest, type Profile } from '../src';

const fullname = 'checkout-course-checkout';
const source = (file: string) =>
  parse(readFileSync(join(repoRoot, 'dapr-components', file), 'utf8')) as Manifest;
const metadataOf = (component: Manifest) =>
  Object.fromEntries(
    (component.spec?.metadata as { name: string; value?: string }[]).map((entry) => [
      entry.name,
      entry.value,
    ]),
  );

describe.each(Object.keys(profiles) as Profile[])('Dapr resources of the %s profile', (profile) => {
  const manifests = renderChart(profile);

  it('renders the pub/sub with every safe RabbitMQ setting', () => {
    expect(metadataOf(named(manifests, 'Component', 'pubsub'))).toMatchObject({
      durable: 'true',
      deletedWhenUnused: 'false',
      deliveryMode: '2',
      publisherConfirm: 'true',
      // A delivery cancelled while its app restarts goes back to the queue, not to nowhere.
      requeueInFailure: 'true',
    });
    const prefetch = Number(metadataOf(named(manifests, 'Component', 'pubsub')).prefetchCount);
    expect(prefetch).toBeGreaterThan(0);
    expect(prefetch).toBeLessThanOrEqual(100);
  });

  it('renders the components and the Resiliency from dapr-components/ unchanged', () => {
    for (const file of ['pubsub.yaml', 'card-vault-state.yaml', 'resiliency.yaml']) {
      const original = source(file);
      const rendered = named(manifests, original.kind, original.metadata.name);
      expect({ ...rendered, metadata: rendered.metadata.name }).toEqual({
        ...original,
        metadata: original.metadata.name,
      });
    }
  });

  it('swaps only the local-file secret store for the Kubernetes one', () => {
    expect(named(manifests, 'Component', 'secretstore').spec).toEqual({
      type: 'secretstores.kubernetes',
      version: 'v1',
      metadata: [],
    });
  });

  it.each(serviceNames)(
    "scopes %s's Configuration to its own secrets and callers, as start:dapr does",
    (name) => {
      const configuration = named(manifests, 'Configuration', `${fullname}-${name}`);
      const values = parse(
        readFileSync(join(repoRoot, 'charts/course-checkout/values.yaml'), 'utf8'),
      );
      const spec = configuration.spec as {
        secrets: { scopes: { allowedSecrets: string[]; defaultAccess: string }[] };
        accessControl: { defaultAction: string; policies: unknown[] };
      };
      expect(spec.secrets.scopes).toEqual([
        expect.objectContaining({
          defaultAccess: 'deny',
          allowedSecrets: values.services[name].secrets,
        }),
      ]);
      expect(spec.accessControl.defaultAction).toBe('deny');
      expect(spec.accessControl.policies).toEqual(accessPolicies(name, 'courses'));
    },
  );

  it('lets only payment read a card, only financial look up leads or ask about a card, and only marketing look up courses', () => {
    const callers = (name: string) =>
      (
        named(manifests, 'Configuration', `${fullname}-${name}`).spec as {
          accessControl: { policies: { appId: string; operations: unknown[] }[] };
        }
      ).accessControl.policies;
    expect(callers('card-vault')).toEqual([
      expect.objectContaining({
        appId: 'financial',
        operations: [{ name: '/internal/cards/chargeable', httpVerb: ['POST'], action: 'allow' }],
      }),
      expect.objectContaining({
        appId: 'payment',
        operations: [{ name: '/internal/cards/reveal', httpVerb: ['POST'], action: 'allow' }],
      }),
    ]);
    expect(callers('marketing')).toEqual([
      expect.objectContaining({
        appId: 'financial',
        operations: [{ name: '/internal/leads/*', httpVerb: ['GET'], action: 'allow' }],
      }),
    ]);
    expect(callers('financial')).toEqual([
      expect.objectContaining({
        appId: 'marketing',
        operations: [{ name: '/internal/courses/*', httpVerb: ['GET'], action: 'allow' }],
      }),
    ]);
    for (const name of ['payment', 'academic', 'notification']) expect(callers(name)).toEqual([]);
  });

  it('lets each sidecar read only the Secrets it resolves', () => {
    const roles = Object.fromEntries(
      ofKind(manifests, 'Role').map((role) => [
        role.metadata.name,
        (role.rules as { resourceNames: string[]; verbs: string[] }[]).flatMap((rule) => [
          ...rule.verbs,
          ...rule.resourceNames,
        ]),
      ]),
    );
    expect(roles[`${fullname}-payment-secrets`]).toEqual([
      'get',
      'database-url',
      'pix-webhook-keys',
      'rabbitmq-url',
    ]);
    expect(roles[`${fullname}-card-vault-secrets`]).toEqual([
      'get',
      'database-url',
      'card-encryption-keys',
      'rabbitmq-url',
    ]);
    expect(roles[`${fullname}-notification-secrets`]).toEqual([
      'get',
      'database-url',
      'smtp-url',
      'activation-token-keys',
      'rabbitmq-url',
    ]);
    expect(roles[`${fullname}-academic-secrets`]).toEqual([
      'get',
      'database-url',
      'activation-token-keys',
      'rabbitmq-url',
    ]);
  });
});
