import { serviceNames, serviceNodeOptions } from '@checkout/platform';
import {
  named,
  ofKind,
  podTemplate,
  profiles,
  renderChart,
  workloads,
  type Container,
  type Profile,
} from '../src';

const profileNames = Object.keys(profiles) as Profile[];
const fullname = 'checkout-course-checkout';
/** The value of `variable` in the app container of a unit's Deployment. */
const appEnv = (manifests: ReturnType<typeof renderChart>, unit: string, variable: string) =>
  podTemplate(named(manifests, 'Deployment', `${fullname}-${unit}`)).spec.containers[0]?.env?.find(
    (entry) => entry.name === variable,
  )?.value;

describe.each(profileNames)('every workload of the %s profile', (profile) => {
  const manifests = renderChart(profile);
  const pods = workloads(manifests).map((workload) => ({
    name: workload.metadata.name,
    pod: podTemplate(workload),
  }));
  const containers = pods.flatMap(({ name, pod }) =>
    pod.spec.containers.map((container) => ({ workload: name, container })),
  );

  it('runs as non-root with the RuntimeDefault seccomp profile', () => {
    for (const { name, pod } of pods) {
      expect({ name, context: pod.spec.securityContext }).toMatchObject({
        name,
        context: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      });
    }
  });

  it('has containers that cannot escalate, hold no capability and cannot write their root filesystem', () => {
    for (const { workload, container } of containers) {
      expect({ workload, context: container.securityContext }).toEqual({
        workload,
        context: {
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          privileged: false,
          capabilities: { drop: ['ALL'] },
        },
      });
    }
  });

  it('requests CPU and memory and limits memory in every container', () => {
    for (const { workload, container } of containers) {
      expect({ workload, resources: container.resources }).toMatchObject({
        workload,
        resources: {
          requests: { cpu: expect.any(String), memory: expect.any(String) },
          limits: { memory: expect.any(String) },
        },
      });
    }
  });

  it('probes every long-running container at start-up, for readiness and for liveness', () => {
    const longRunning = containers.filter(({ workload }) => !workload.endsWith('-migrations'));
    expect(longRunning.length).toBeGreaterThanOrEqual(serviceNames.length);
    for (const { workload, container } of longRunning) {
      const probes = ['startupProbe', 'readinessProbe', 'livenessProbe'] as const;
      expect({ workload, probes: probes.filter((probe) => !container[probe]) }).toEqual({
        workload,
        probes: [],
      });
    }
  });

  it.each(serviceNames)(
    'runs %s with /readyz for readiness, /healthz for liveness, and its sidecar',
    (name) => {
      const pod = podTemplate(named(manifests, 'Deployment', `${fullname}-${name}`));
      const [app] = pod.spec.containers as [Container];
      expect(app.readinessProbe?.httpGet?.path).toBe('/readyz');
      expect(app.livenessProbe?.httpGet?.path).toBe('/healthz');
      expect(app.startupProbe?.httpGet?.path).toBe('/healthz');
      const appPort = app.ports?.find((port) => port.name === 'http')?.containerPort;
      expect(pod.metadata.annotations).toMatchObject({
        'dapr.io/enabled': 'true',
        'dapr.io/app-id': name,
        'dapr.io/app-port': String(appPort),
        'dapr.io/config': `${fullname}-${name}`,
        'dapr.io/enable-app-health-check': 'true',
        'dapr.io/app-health-check-path': '/healthz',
        'dapr.io/api-token-secret': 'dapr-api-token',
        'dapr.io/app-token-secret': 'app-api-token',
        'dapr.io/enable-native-sidecar': 'true',
        'dapr.io/sidecar-seccomp-profile-type': 'RuntimeDefault',
      });
      expect(pod.spec.serviceAccountName).toBe(`${fullname}-${name}`);
      expect(named(manifests, 'Configuration', `${fullname}-${name}`)).toBeDefined();
    },
  );

  it.each(serviceNames)(
    'limits the heap of %s as start:dapr does, leaving room under its memory limit',
    (name) => {
      const pod = podTemplate(named(manifests, 'Deployment', `${fullname}-${name}`));
      const [app] = pod.spec.containers as [Container];
      const nodeOptions = app.env?.find((entry) => entry.name === 'NODE_OPTIONS')?.value;
      expect(nodeOptions).toBe(serviceNodeOptions(name));
      const heapMb = Number(/--max-old-space-size=(\d+)/.exec(nodeOptions ?? '')?.[1]);
      const limitMb = Number(/^(\d+)Mi$/.exec(String(app.resources?.limits?.memory))?.[1]);
      // Code, young generation, buffers and the driver's sockets live outside the old space.
      expect(heapMb).toBeGreaterThan(0);
      expect(heapMb).toBeLessThanOrEqual(limitMb - 64);
    },
  );

  it.each(serviceNames)(
    'gives the %s app the tokens its sidecar holds, so the routes the sidecar calls let it in',
    (name) => {
      const pod = podTemplate(named(manifests, 'Deployment', `${fullname}-${name}`));
      const [app] = pod.spec.containers as [Container];
      const secretOf = (variable: string) =>
        app.env?.find((entry) => entry.name === variable)?.valueFrom?.secretKeyRef;
      expect(secretOf('APP_API_TOKEN')).toEqual({
        name: pod.metadata.annotations?.['dapr.io/app-token-secret'],
        key: 'token',
      });
      expect(secretOf('DAPR_API_TOKEN')).toEqual({
        name: pod.metadata.annotations?.['dapr.io/api-token-secret'],
        key: 'token',
      });
    },
  );

  it('runs the storefront alone in its pod: no Dapr sidecar, no service account token, probed on /healthz and /readyz', () => {
    const pod = podTemplate(named(manifests, 'Deployment', `${fullname}-storefront`));
    expect(pod.metadata.annotations).toEqual({ 'dapr.io/enabled': 'false' });
    expect(pod.spec).toMatchObject({ automountServiceAccountToken: false });
    expect(pod.spec.serviceAccountName).toBeUndefined();
    const [app, ...others] = pod.spec.containers as [Container];
    expect(others).toEqual([]);
    expect(app.image).toBe('ghcr.io/course-checkout/checkout-storefront:0.1.0');
    expect(app.readinessProbe?.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(app.livenessProbe?.httpGet).toEqual({ path: '/healthz', port: 'http' });
    const port = app.ports?.find((entry) => entry.name === 'http')?.containerPort;
    const [service] = podTemplate(named(manifests, 'Deployment', `${fullname}-marketing`)).spec
      .containers as [Container];
    const publicUrl = service.env?.find((entry) => entry.name === 'PUBLIC_URL');
    expect(publicUrl?.value).toMatch(/^https?:\/\//);
    expect(app.env).toEqual(
      expect.arrayContaining([{ name: 'PORT', value: String(port) }, publicUrl]),
    );
    expect(app.env?.map((entry) => entry.name)).not.toContain('ALLOWED_ORIGINS');
    expect(named(manifests, 'Service', `${fullname}-storefront`)).toBeDefined();
    expect(named(manifests, 'PodDisruptionBudget', `${fullname}-storefront`)).toBeDefined();
  });

  it('gives every service a Service, a ServiceAccount and a PodDisruptionBudget', () => {
    for (const kind of ['Service', 'ServiceAccount', 'PodDisruptionBudget']) {
      for (const name of serviceNames)
        expect(named(manifests, kind, `${fullname}-${name}`)).toBeDefined();
    }
  });

  it('runs the migrations as a Helm hook Job without a sidecar', () => {
    const job = named(manifests, 'Job', `${fullname}-migrations`);
    expect(job.metadata.annotations?.['helm.sh/hook']).toMatch(/-install,.*-upgrade$/);
    expect(podTemplate(job).metadata.annotations?.['dapr.io/enabled']).toBe('false');
  });
});

describe('options', () => {
  it('autoscaling replaces the fixed replica count with an HPA per service and for the storefront', () => {
    const manifests = renderChart('default', ['--set', 'serviceDefaults.autoscaling.enabled=true']);
    expect(ofKind(manifests, 'HorizontalPodAutoscaler')).toHaveLength(serviceNames.length + 1);
    for (const deployment of ofKind(manifests, 'Deployment'))
      expect(deployment.spec).not.toHaveProperty('replicas');
    expect(ofKind(renderChart('default'), 'HorizontalPodAutoscaler')).toHaveLength(0);
  });

  it('only the live-update switch Tilt sets makes the root filesystem of the services and the storefront writable', () => {
    const manifests = renderChart('dev', ['--set', 'liveUpdate=true']);
    const contexts = ofKind(manifests, 'Deployment').map((deployment) => ({
      name: deployment.metadata.name,
      writable:
        !podTemplate(deployment).spec.containers[0]?.securityContext?.readOnlyRootFilesystem,
    }));
    expect(
      contexts
        .filter((context) => context.writable)
        .map((context) => context.name)
        .sort(),
    ).toEqual([...serviceNames, 'storefront'].map((name) => `${fullname}-${name}`).sort());
  });

  it("gives the services Tilt runs from their sources the defaults' memory and no heap limit: the bundles' figures do not fit tsx watch", () => {
    const manifests = renderChart('dev', ['--set', 'liveUpdate=true']);
    for (const name of serviceNames) {
      const pod = podTemplate(named(manifests, 'Deployment', `${fullname}-${name}`));
      const [app] = pod.spec.containers as [Container];
      expect({ name, resources: app.resources }).toEqual({
        name,
        resources: { requests: { cpu: '20m', memory: '96Mi' }, limits: { memory: '384Mi' } },
      });
      expect(app.env?.map((entry) => entry.name)).not.toContain('NODE_OPTIONS');
    }
  });

  it("takes the storefront's replicas, resources and image from its own values block", () => {
    const manifests = renderChart('default', [
      '--set',
      'storefront.replicas=3',
      '--set',
      'storefront.image=registry.test/shop:1',
    ]);
    const deployment = named(manifests, 'Deployment', `${fullname}-storefront`);
    expect(deployment.spec).toMatchObject({ replicas: 3 });
    const [app] = podTemplate(deployment).spec.containers as [Container];
    expect(app.image).toBe('registry.test/shop:1');
    expect(app.resources).toEqual({
      requests: { cpu: '20m', memory: '64Mi' },
      limits: { memory: '192Mi' },
    });
  });

  it('a disabled storefront leaves no object behind and no route at /', () => {
    const manifests = renderChart('default', ['--set', 'storefront.enabled=false']);
    expect(manifests.filter((manifest) => manifest.metadata.name.endsWith('-storefront'))).toEqual(
      [],
    );
    expect(JSON.stringify(named(manifests, 'Ingress', fullname))).not.toContain('storefront');
  });

  it('passes allowedOrigins to every service as ALLOWED_ORIGINS, empty by default', () => {
    const originsOf = (manifests: ReturnType<typeof renderChart>) =>
      serviceNames.map((name) => appEnv(manifests, name, 'ALLOWED_ORIGINS'));
    expect(new Set(originsOf(renderChart('default')))).toEqual(new Set(['']));
    const allowed = renderChart('default', [
      '--set',
      'allowedOrigins={https://shop.example.com,http://localhost:5173}',
    ]);
    expect(new Set(originsOf(allowed))).toEqual(
      new Set(['https://shop.example.com,http://localhost:5173']),
    );
  });

  it('passes trustProxy to every service as TRUST_PROXY, one hop (the Ingress controller) by default', () => {
    const trustOf = (manifests: ReturnType<typeof renderChart>) =>
      serviceNames.map((name) => appEnv(manifests, name, 'TRUST_PROXY'));
    expect(new Set(trustOf(renderChart('default')))).toEqual(new Set(['1']));
    const behindBalancer = renderChart('default', ['--set-string', 'trustProxy=2']);
    expect(new Set(trustOf(behindBalancer))).toEqual(new Set(['2']));
  });

  it('keeps idle connections of every app (services and storefront) open longer than Traefik and daprd keep theirs (90 s)', () => {
    const keepAliveOf = (manifests: ReturnType<typeof renderChart>) =>
      [...serviceNames, 'storefront'].map((name) =>
        Number(appEnv(manifests, name, 'HTTP_KEEP_ALIVE_SECONDS')),
      );
    for (const seconds of keepAliveOf(renderChart('default'))) expect(seconds).toBeGreaterThan(90);
    const behindBalancer = renderChart('default', ['--set', 'httpKeepAliveSeconds=700']);
    expect(new Set(keepAliveOf(behindBalancer))).toEqual(new Set([700]));
  });

  it('has each service shut its sidecar down before it drains, so calls go to the replicas that stay', () => {
    const manifests = renderChart('default');
    for (const name of serviceNames)
      expect([name, appEnv(manifests, name, 'STOP_SIDECAR_FIRST')]).toEqual([name, 'true']);
    // The storefront has no sidecar.
    expect(appEnv(manifests, 'storefront', 'STOP_SIDECAR_FIRST')).toBeUndefined();
  });

  it('dev credentials are generated Secrets; the default profile creates no Secret at all', () => {
    expect(ofKind(renderChart('default'), 'Secret')).toEqual([]);
    const names = ofKind(renderChart('dev'), 'Secret').map((secret) => secret.metadata.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'database-url',
        'rabbitmq-url',
        'smtp-url',
        'card-encryption-keys',
        'activation-token-keys',
        'seller-api-key',
      ]),
    );
  });
});
