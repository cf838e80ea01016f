import { CheckoutDeclined, PortalAccessGranted } from '@checkout/contracts';
import {
  createServiceRuntime,
  subscribeTo,
  type Mailer,
  type ServiceContext,
  type ServiceRuntime,
} from '@checkout/service-kit';
import { Router } from 'express';
import { createMikroOrmNotificationStore } from './adapters/db/mikro-orm-notification-store';
import type { NotificationSettings } from './app/ports';
import { sendAccessEmail } from './app/send-access-email';
import { sendDeclineEmail } from './app/send-decline-email';

export interface NotificationDeps extends ServiceContext {
  mailer: Mailer;
  settings: NotificationSettings;
}

/** Notification has no public routes: it turns business events into e-mails. */
export function createNotificationService(deps: NotificationDeps): ServiceRuntime {
  return createServiceRuntime('notification', deps, (transactions) => {
    const emailDeps = {
      store: createMikroOrmNotificationStore(transactions),
      sender: deps.mailer,
      settings: deps.settings,
    };
    subscribeTo(deps.bus, PortalAccessGranted, 'notification', deps.logger, async (event) => {
      await sendAccessEmail(emailDeps, event.id, event.data);
      return 'SUCCESS';
    });
    subscribeTo(deps.bus, CheckoutDeclined, 'notification', deps.logger, async (event) => {
      await sendDeclineEmail(emailDeps, event.id, event.data);
      return 'SUCCESS';
    });
    return { router: Router() };
  });
}
