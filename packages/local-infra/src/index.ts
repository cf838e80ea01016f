export * from './embedded-database';
export * from './smtp-sink';
export * from './test-database';
