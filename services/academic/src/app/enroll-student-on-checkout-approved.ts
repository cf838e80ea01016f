import { randomUUID } from 'node:crypto';
import { PortalAccessGranted, type CheckoutApproved } from '@checkout/contracts';
import type { ReceivedEvent } from '@checkout/service-kit';
import { newSecretToken } from '../domain/secrets';
import { activationLifetimeMs } from '../domain/student';
import type { AcademicStore, ActivationTokenSealer } from './ports';

/**
 * Turns an approved checkout into a student with an enrolment and portal access. A student who
 * has not set a password yet gets a fresh one-time activation link; never a password. The link's
 * token leaves only sealed for notification: academic keeps its hash, the e-mail its clear text.
 */
export async function enrollStudentOnCheckoutApproved(
  { store, sealer }: { store: AcademicStore; sealer: ActivationTokenSealer },
  { data: checkout, ...delivery }: ReceivedEvent<typeof CheckoutApproved>,
  now = new Date(),
): Promise<void> {
  await store.handleOnce(delivery, async (tx) => {
    const email = checkout.student.email.toLowerCase();
    let student = await tx.findStudentByEmail(email);
    if (!student) {
      student = { id: randomUUID(), name: checkout.student.name, email };
      tx.addStudent(student);
    }
    if (!(await tx.addEnrollment(student.id, checkout.courseId))) return;
    let sealedActivationToken: string | undefined;
    if (!student.passwordHash) {
      const secret = newSecretToken();
      tx.addActivation({
        tokenHash: secret.hash,
        studentId: student.id,
        expiresAt: new Date(now.getTime() + activationLifetimeMs),
      });
      sealedActivationToken = sealer.seal(secret.token, student.id);
    }
    tx.publish(PortalAccessGranted, {
      studentId: student.id,
      courseTitle: checkout.courseTitle,
      student: { name: student.name, email },
      ...(sealedActivationToken && { sealedActivationToken }),
    });
  });
}
