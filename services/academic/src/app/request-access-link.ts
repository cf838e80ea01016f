import { AccessLinkIssued } from '@checkout/contracts';
import { accessLinkPurpose } from '../domain/access-link';
import { issueAccessLink } from './issue-access-link';
import type { AcademicStore, ActivationTokenSealer } from './ports';

/**
 * A student who lost their link or their password asks for a new link: activation while they
 * have no password, password reset otherwise. An address that is no student's changes nothing,
 * and the caller answers the same either way, so that no one learns who is a student.
 */
export async function requestAccessLink(
  { store, sealer }: { store: AcademicStore; sealer: ActivationTokenSealer },
  request: { email: string },
  now = new Date(),
): Promise<void> {
  await store.transaction(async (tx) => {
    const student = await tx.findStudentByEmail(request.email.toLowerCase());
    if (!student) return;
    tx.publish(AccessLinkIssued, {
      studentId: student.id,
      student: { name: student.name, email: student.email },
      purpose: accessLinkPurpose(student),
      sealedToken: await issueAccessLink(tx, sealer, student.id, now),
      ...(student.language && { language: student.language }),
    });
  });
}
