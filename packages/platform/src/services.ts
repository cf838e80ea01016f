import { academicDatabase } from '@checkout/academic';
import { cardVaultDatabase } from '@checkout/card-vault';
import { financialDatabase } from '@checkout/financial';
import { marketingDatabase } from '@checkout/marketing';
import { notificationDatabase } from '@checkout/notification';
import { paymentDatabase } from '@checkout/payment';
import type { DatabaseModule } from '@checkout/service-kit';

export type ServiceName =
  'marketing' | 'financial' | 'payment' | 'card-vault' | 'academic' | 'notification';

/** Each service's database module, in the order they are migrated. */
export const databases: Record<ServiceName, DatabaseModule> = {
  marketing: marketingDatabase,
  financial: financialDatabase,
  payment: paymentDatabase,
  'card-vault': cardVaultDatabase,
  academic: academicDatabase,
  notification: notificationDatabase,
};

export const serviceNames = Object.keys(databases) as ServiceName[];

/** Which service serves which public path: the routing table of the edge and the cluster ingress. */
export const publicRoutes: { prefix: string; service: ServiceName }[] = [
  { prefix: '/api/v1/openapi.yaml', service: 'financial' },
  { prefix: '/api/v1/courses', service: 'financial' },
  { prefix: '/api/v1/checkouts', service: 'financial' },
  { prefix: '/api/v1/leads', service: 'marketing' },
  { prefix: '/api/v1/cards', service: 'card-vault' },
  { prefix: '/api/v1/access', service: 'academic' },
  { prefix: '/api/v1/sessions', service: 'academic' },
  { prefix: '/api/v1/me', service: 'academic' },
  { prefix: '/api/v1/webhooks', service: 'payment' },
];

/**
 * The seller's API, behind its key: the local edge routes it with the public paths; a cluster's
 * Ingress only when the chart's `admin.exposed` is true.
 */
export const adminRoutes: { prefix: string; service: ServiceName }[] = [
  { prefix: '/api/v1/admin', service: 'financial' },
];

/** Every path the local edge forwards, and to which service. */
export const edgeRoutes = [...publicRoutes, ...adminRoutes];

/** The service a route template belongs to, by the tables above; the platform's own otherwise. */
export const serviceOfRoute = (route: string): ServiceName | 'platform' =>
  edgeRoutes.find(({ prefix }) => route.startsWith(prefix))?.service ?? 'platform';
