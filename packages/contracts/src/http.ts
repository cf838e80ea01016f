import type { components, operations } from './openapi-types';

/** Request and response bodies of the public API, named as in the spec. */
export type ApiSchemas = components['schemas'];
export type OperationId = keyof operations;
