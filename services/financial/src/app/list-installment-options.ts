import type { ApiSchemas } from '@checkout/contracts';
import { installmentOptions } from '../domain/installments';
import type { FinancialStore } from './ports';

/** The ways to pay a course of the catalogue, from one payment to its most installments. */
export async function listInstallmentOptions(
  store: FinancialStore,
  courseId: string,
): Promise<ApiSchemas['InstallmentOptions'] | undefined> {
  const course = await store.findCourse(courseId);
  if (!course) return undefined;
  const plan = course.installmentPlan;
  return {
    courseId: course.id,
    priceCents: course.priceCents,
    currency: course.currency,
    interestFreeInstallments: plan.interestFreeInstallments,
    monthlyInterestBps: plan.monthlyInterestBps,
    items: installmentOptions(course.priceCents, plan),
  };
}
