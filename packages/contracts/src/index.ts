export * from './events';
export * from './http';
export * from './openapi-spec';
