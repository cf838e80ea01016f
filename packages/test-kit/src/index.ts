export * from './service-under-test';
export * from './test-database';
export * from './event-message';
export * from './http-client';
