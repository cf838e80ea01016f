export { notificationDatabase } from './adapters/db/notification-database';
export { readRetryPolicy } from './config';
export type { RetryPolicy } from './domain/retry-schedule';
export { createNotificationService } from './notification-service';
