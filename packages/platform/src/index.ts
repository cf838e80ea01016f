export { publicRoutes, serviceNames, type ServiceName } from './services';
