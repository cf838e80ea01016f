import type { EventData, PortalAccessGranted } from '@checkout/contracts';
import { renderAccessGranted } from '../domain/templates/access-granted';
import type { NotificationSettings } from './ports';
import { sendEmailOnce, type SendEmailDeps } from './send-email-once';

export async function sendAccessEmail(
  deps: SendEmailDeps & { settings: NotificationSettings },
  eventId: string,
  access: EventData<typeof PortalAccessGranted>,
): Promise<void> {
  const { publicUrl, language } = deps.settings;
  const email = renderAccessGranted(
    {
      studentName: access.student.name,
      email: access.student.email,
      courseTitle: access.courseTitle,
      portalUrl: publicUrl,
      ...(access.activationToken && {
        activationUrl: `${publicUrl}/activate?token=${encodeURIComponent(access.activationToken)}`,
      }),
    },
    language,
  );
  await sendEmailOnce(deps, eventId, 'access-granted', access.student.email, email);
}
