import type { operations } from '@checkout/client';

export type { ApiSchemas } from '@checkout/client';
export type OperationId = keyof operations;

/** Money as people read it, in the API's labels and in e-mails alike. */
export { formatBrl, installmentsLabel } from '@checkout/client';
