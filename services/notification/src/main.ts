import {
  createSmtpMailer,
  parseTokenKeyRing,
  readEnvironment,
  runDaprService,
} from '@checkout/service-kit';
import { notificationDatabase } from './adapters/db/notification-database';
import { readRetryPolicy } from './config';
import { createNotificationService } from './notification-service';

const env = readEnvironment();
const config = env.done({
  publicUrl: env.url('PUBLIC_URL').replace(/\/$/, ''),
  language: env.string('EMAIL_LANGUAGE', 'pt-BR') === 'en' ? ('en' as const) : ('pt-BR' as const),
  mailFrom: env.string('MAIL_FROM', 'Cursos <no-reply@checkout.local>'),
  retry: readRetryPolicy(env),
});

runDaprService({
  appId: 'notification',
  database: notificationDatabase,
  create: async (context) =>
    createNotificationService({
      ...context,
      mailer: createSmtpMailer(await context.secret('smtp-url'), config.mailFrom),
      activationTokenKeys: parseTokenKeyRing(await context.secret('activation-token-keys')),
      settings: { publicUrl: config.publicUrl, language: config.language, retry: config.retry },
    }),
});
