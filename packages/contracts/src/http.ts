import type { operations } from '@checkout/client';

export type { ApiSchemas } from '@checkout/client';
export type OperationId = keyof operations;
