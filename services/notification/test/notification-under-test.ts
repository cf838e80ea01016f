import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '@checkout/local-infra';
import {
  createLogger,
  createSmtpMailer,
  InProcessEventBus,
  openDatabase,
  parseKeyRing,
  sealToken,
  type ServiceContext,
} from '@checkout/service-kit';
import { startServiceUnderTest } from '@checkout/test-kit';
import { createNotificationService, notificationDatabase, type RetryPolicy } from '../src';

export const activationTokenKeys = parseKeyRing(
  `test-1:${Buffer.alloc(32, 9).toString('base64')}`,
  'token keys',
);

/** A PortalAccessGranted payload as academic publishes it: the token sealed for the student. */
export const accessGranted = (n: string, activationToken = `token-${n}`) => ({
  studentId: `s-${n}`,
  courseTitle: 'Fundamentos de TypeScript',
  student: { name: `Aluna ${n}`, email: `student-${n}@example.com` },
  sealedActivationToken: sealToken(activationToken, `s-${n}`, activationTokenKeys),
});

export const fastRetry: RetryPolicy = { firstDelayMs: 200, maxDelayMs: 2000, horizonMs: 600_000 };

const createService = (context: ServiceContext, smtpUrl: string, retry: RetryPolicy) =>
  createNotificationService({
    ...context,
    mailer: createSmtpMailer(smtpUrl, 'Cursos <no-reply@test.local>'),
    activationTokenKeys,
    settings: { publicUrl: 'https://cursos.example', language: 'pt-BR', retry },
    dispatch: { pollIntervalMs: 100 },
  });

/** Notification on a fresh database, sending to `smtpUrl`. */
export const startNotification = (smtpUrl: string, retry = fastRetry) =>
  startServiceUnderTest(notificationDatabase, (context) => createService(context, smtpUrl, retry));

/** Another replica on the same database (its own bus: it only dispatches what is queued). */
export async function startReplica(databaseUrl: string, smtpUrl: string, retry = fastRetry) {
  const logger = createLogger('replica', process.env.LOG_LEVEL ?? 'silent');
  const orm = await openDatabase(notificationDatabase, databaseUrl);
  const service = createService(
    { orm, bus: new InProcessEventBus(logger), logger },
    smtpUrl,
    retry,
  );
  service.start();
  return {
    stop: async () => {
      await service.stop();
      await orm.close();
    },
  };
}

/** An SMTP sink on a port nobody listens on yet, stopped: the SMTP server is down. */
export async function downSmtpServer(options?: SmtpSinkOptions) {
  const probe = await startSmtpSink();
  await probe.stop();
  return {
    url: probe.url,
    bringUp: (): Promise<SmtpSink> => startSmtpSink(probe.port, options),
  };
}
