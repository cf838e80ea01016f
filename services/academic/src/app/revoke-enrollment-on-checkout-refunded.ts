import type { CheckoutRefunded } from '@checkout/contracts';
import type { DeliveryStatus, ReceivedEvent } from '@checkout/service-kit';
import type { AcademicStore } from './ports';

/**
 * A refunded checkout takes its course back: the enrolment is revoked (listed as such, no longer
 * open). The student keeps the account, their password and any other course. The approval comes
 * on another topic and may not be handled yet: until the enrolment exists the event is retried.
 */
export async function revokeEnrollmentOnCheckoutRefunded(
  store: AcademicStore,
  { data: checkout, ...delivery }: ReceivedEvent<typeof CheckoutRefunded>,
  now = new Date(),
): Promise<DeliveryStatus> {
  const student = await store.findStudentByEmail(checkout.student.email.toLowerCase());
  const enrollments = student ? await store.listEnrollments(student.id) : [];
  if (!student || !enrollments.some((e) => e.courseId === checkout.courseId)) return 'RETRY';
  await store.handleOnce(delivery, (tx) => tx.revokeEnrollment(student.id, checkout.courseId, now));
  return 'SUCCESS';
}
