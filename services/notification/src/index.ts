export { notificationDatabase } from './adapters/db/notification-database';
export { readNotificationConfig } from './config';
export type { RetryPolicy } from './domain/retry-schedule';
export { createNotificationService } from './notification-service';
