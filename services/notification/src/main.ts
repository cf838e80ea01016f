import './start-tracing';
import {
  createSmtpMailer,
  parseKeyRing,
  readConfigOrExit,
  runDaprService,
} from '@checkout/service-kit';
import { notificationDatabase } from './adapters/db/notification-database';
import { readNotificationConfig } from './config';
import { createNotificationService } from './notification-service';

const config = readConfigOrExit('notification', readNotificationConfig);

runDaprService({
  appId: 'notification',
  database: notificationDatabase,
  create: async (context) =>
    createNotificationService({
      ...context,
      mailer: createSmtpMailer(await context.secret('smtp-url'), config.mailFrom),
      activationTokenKeys: parseKeyRing(
        await context.secret('activation-token-keys'),
        'activation token keys',
      ),
      settings: config.settings,
    }),
});
