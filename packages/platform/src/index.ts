export { publicRoutes, serviceNames, type ServiceName } from './services';
export { accessPolicies } from './dapr/sidecar-configuration';
export { serviceNodeOptions } from './dapr/chart-values';
