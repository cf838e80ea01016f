export * from './embedded-database';
export * from './smtp-sink';
