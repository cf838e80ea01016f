import { adminRoutes, publicRoutes, serviceNames } from '@checkout/platform';
import { named, ofKind, profiles, renderChart, type Manifest, type Profile } from '../src';

const fullname = 'checkout-course-checkout';

interface Peer {
  podSelector?: { matchLabels: Record<string, string> };
  namespaceSelector?: { matchLabels: Record<string, string> };
}
interface Rule {
  from?: Peer[];
  to?: Peer[];
  ports: { port: number | string }[];
}
const policyOf = (manifests: Manifest[], name: string) =>
  named(manifests, 'NetworkPolicy', `${fullname}-${name}`).spec as {
    ingress?: Rule[];
    egress?: Rule[];
  };
const ports = (rules: Rule[] = []) => rules.flatMap((rule) => rule.ports.map((port) => port.port));
/** Which services a list of rules names, on a port. */
const peersOn = (rules: Rule[] = [], port: number) =>
  rules
    .filter((rule) => rule.ports.some((entry) => entry.port === port))
    .flatMap((rule) => [...(rule.from ?? []), ...(rule.to ?? [])])
    .map((peer) => peer.podSelector?.matchLabels['app.kubernetes.io/name']);

describe.each(Object.keys(profiles) as Profile[])('network of the %s profile', (profile) => {
  const manifests = renderChart(profile);

  const ingress = named(manifests, 'Ingress', fullname).spec as {
    rules: {
      http: { paths: { path: string; pathType: string; backend: { service: { name: string } } }[] };
    }[];
  };
  const routes = (ingress.rules[0]?.http.paths ?? []).map((path) => ({
    prefix: path.path,
    service: path.backend.service.name.replace(`${fullname}-`, ''),
  }));
  /** Kubernetes' rule for Prefix paths: the longest prefix matching whole path elements wins. */
  const routeOf = (path: string) =>
    routes
      .filter(({ prefix }) => prefix === '/' || path === prefix || path.startsWith(`${prefix}/`))
      .sort((a, b) => b.prefix.length - a.prefix.length)[0]?.service;

  it('routes each public API prefix to the service that owns it, as the local edge does, and / to the storefront', () => {
    expect(ingress.rules[0]?.http.paths.map((path) => path.pathType)).toEqual(
      routes.map(() => 'Prefix'),
    );
    expect(routes.sort((a, b) => a.prefix.localeCompare(b.prefix))).toEqual(
      [...publicRoutes, { prefix: '/', service: 'storefront' }].sort((a, b) =>
        a.prefix.localeCompare(b.prefix),
      ),
    );
  });

  it('sends API requests to their services and every other path to the storefront', () => {
    for (const { prefix, service } of publicRoutes) {
      expect({ path: prefix, to: routeOf(prefix) }).toEqual({ path: prefix, to: service });
      expect({ path: `${prefix}/x`, to: routeOf(`${prefix}/x`) }).toEqual({
        path: `${prefix}/x`,
        to: service,
      });
    }
    for (const page of ['/', '/courses/c-1', '/checkouts/k-1', '/activate', '/assets/a.js'])
      expect({ page, to: routeOf(page) }).toEqual({ page, to: 'storefront' });
  });

  it('lets only the ingress controller reach the storefront, and the storefront reach nothing', () => {
    const policy = policyOf(manifests, 'storefront');
    const publicApi = policyOf(manifests, 'financial').ingress?.find((rule) =>
      ports([rule]).includes('http'),
    );
    expect(publicApi?.from?.length).toBeGreaterThan(0);
    expect(policy.ingress).toEqual([
      { from: publicApi?.from, ports: [{ port: 'http', protocol: 'TCP' }] },
    ]);
    expect(policy.egress).toEqual([]);
  });

  it("denies all traffic to and from the release's pods unless allowed", () => {
    expect(named(manifests, 'NetworkPolicy', `${fullname}-default-deny`).spec).toEqual({
      podSelector: {
        matchLabels: {
          'app.kubernetes.io/part-of': 'course-checkout',
          'app.kubernetes.io/instance': 'checkout',
        },
      },
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  it('lets only the callers Dapr access control allows reach a sidecar, both ways', () => {
    const callersOf = Object.fromEntries(
      serviceNames.map((name) => [name, peersOn(policyOf(manifests, name).ingress, 50002).sort()]),
    );
    expect(callersOf).toEqual({
      marketing: ['financial'],
      financial: ['marketing'],
      payment: [],
      'card-vault': ['financial', 'payment'],
      academic: [],
      notification: [],
    });
    expect(peersOn(policyOf(manifests, 'financial').egress, 50002).sort()).toEqual([
      'card-vault',
      'marketing',
    ]);
    expect(peersOn(policyOf(manifests, 'payment').egress, 50002)).toEqual(['card-vault']);
    expect(peersOn(policyOf(manifests, 'marketing').egress, 50002)).toEqual(['financial']);
  });

  it('opens the public port only on services with public paths', () => {
    const publicServices = new Set(publicRoutes.map((route) => route.service));
    for (const name of serviceNames)
      expect({ name, open: ports(policyOf(manifests, name).ingress).includes('http') }).toEqual({
        name,
        open: publicServices.has(name),
      });
  });

  it('lets every service out to DNS, the Dapr control plane, PostgreSQL and RabbitMQ, and only notification to SMTP', () => {
    const smtpPort = profile === 'dev' ? 1025 : 587;
    for (const name of serviceNames) {
      const egress = ports(policyOf(manifests, name).egress);
      expect(egress).toEqual(expect.arrayContaining([53, 50001, 6500, 5432, 5672]));
      expect({ name, smtp: egress.includes(smtpPort) }).toEqual({
        name,
        smtp: name === 'notification',
      });
    }
  });

  it('lets the migrations Job out to PostgreSQL and DNS only', () => {
    expect(ports(policyOf(manifests, 'migrations').egress).sort()).toEqual([53, 53, 5432]);
    expect(policyOf(manifests, 'migrations').ingress).toBeUndefined();
  });
});

describe("the seller's API", () => {
  const ingressPaths = (manifests: Manifest[]) =>
    (
      named(manifests, 'Ingress', fullname).spec as {
        rules: { http: { paths: { path: string; backend: { service: { name: string } } }[] } }[];
      }
    ).rules[0]?.http.paths.map((path) => ({
      prefix: path.path,
      service: path.backend.service.name.replace(`${fullname}-`, ''),
    })) ?? [];

  it.each(Object.keys(profiles) as Profile[])(
    'is kept off the public Ingress of the %s profile by default',
    (profile) => {
      const paths = ingressPaths(renderChart(profile)).map((route) => route.prefix);
      expect(paths.filter((path) => path.startsWith('/api/v1/admin'))).toEqual([]);
    },
  );

  it('is routed by the Ingress to the service that owns it, as the local edge does, when admin.exposed is true', () => {
    const routes = ingressPaths(renderChart('default', ['--set', 'admin.exposed=true']));
    expect(routes).toEqual(expect.arrayContaining(adminRoutes));
    expect(routes).toEqual(expect.arrayContaining(publicRoutes));
  });
});

describe('the dev profile', () => {
  it("points the services' database and broker egress at the release's own pods", () => {
    const egress = policyOf(renderChart('dev'), 'payment').egress;
    expect(peersOn(egress, 5432)).toEqual(['dev-postgresql']);
    expect(peersOn(egress, 5672)).toEqual(['dev-rabbitmq']);
  });

  it('lets only release pods reach its infrastructure', () => {
    const manifests = renderChart('dev');
    for (const name of ['dev-postgresql', 'dev-rabbitmq', 'dev-smtp', 'dev-traces']) {
      const from = policyOf(manifests, name).ingress?.flatMap((rule) => rule.from ?? []);
      expect(from).toEqual([
        {
          podSelector: {
            matchLabels: {
              'app.kubernetes.io/part-of': 'course-checkout',
              'app.kubernetes.io/instance': 'checkout',
            },
          },
        },
      ]);
    }
    expect(ofKind(manifests, 'NetworkPolicy').length).toBeGreaterThan(
      ofKind(renderChart('default'), 'NetworkPolicy').length,
    );
  });
});
