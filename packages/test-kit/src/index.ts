export * from './service-under-test';
export * from './test-database';
export * from './event-message';
export * from './http-client';
export * from './platform-process';
export * from './checkout-journey';
export * from './wait-until';
