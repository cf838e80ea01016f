export { adminRoutes, publicRoutes, serviceNames, type ServiceName } from './services';
export { accessPolicies, sidecarTracing } from './dapr/sidecar-configuration';
export { serviceNodeOptions } from './dapr/chart-values';
