export * from './child-process';
export * from './daprd';
export * from './embedded-database';
export * from './ports';
export * from './rabbitmq';
export * from './repo';
export * from './smtp-sink';
export * from './wait-until';
