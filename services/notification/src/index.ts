export { notificationDatabase } from './adapters/db/notification-database';
export { createNotificationService } from './notification-service';
