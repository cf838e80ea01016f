import { randomUUID } from 'node:crypto';
import { PortalAccessGranted, type CheckoutApproved } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import { issueAccessLink } from './issue-access-link';
import type { AcademicStore, ActivationTokenSealer } from './ports';

/**
 * Turns an approved checkout into a student with an enrolment and portal access. A student who
 * has not set a password yet gets a fresh one-time activation link; never a password. The link's
 * token leaves only sealed for notification: academic keeps its hash, the e-mail its clear text.
 * The checkout's language becomes the student's, which their e-mails follow.
 */
export async function enrollStudentOnCheckoutApproved(
  { store, sealer }: { store: AcademicStore; sealer: ActivationTokenSealer },
  { data: checkout, ...delivery }: ReceivedEvent<typeof CheckoutApproved>,
  now = new Date(),
): Promise<void> {
  await store.handleOnce(delivery, async (tx) => {
    const email = checkout.student.email.toLowerCase();
    const { language } = checkout;
    let student = await tx.findStudentByEmail(email);
    if (!student) {
      student = {
        id: randomUUID(),
        name: checkout.student.name,
        email,
        ...(language && { language }),
      };
      await tx.addStudent(student);
    } else if (language && language !== student.language) {
      await tx.setLanguage(student.id, language);
      student.language = language;
    }
    if (!(await tx.addEnrollment(student.id, checkout.courseId))) return;
    const sealedActivationToken =
      student.passwordHash === undefined
        ? await issueAccessLink(tx, sealer, student.id, now)
        : undefined;
    tx.publish(PortalAccessGranted, {
      studentId: student.id,
      courseTitle: checkout.courseTitle,
      student: { name: student.name, email },
      ...(sealedActivationToken && { sealedActivationToken }),
      ...(student.language && { language: student.language }),
    });
  });
}
