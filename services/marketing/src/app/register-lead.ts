import { randomUUID } from 'node:crypto';
import type { ApiSchemas, Language } from '@checkout/contracts';
import { normalizeDocument } from '@checkout/br-documents';
import { leadProblems, type Lead, type LeadProblem } from '../domain/lead';
import type { CourseCatalogue, LeadStore } from './ports';

export interface RegisterLeadDeps {
  store: LeadStore;
  courses: CourseCatalogue;
}

export type RegisterLeadFailure =
  { reason: 'invalid_lead'; problems: LeadProblem[] } | { reason: 'unknown_course' };

export type RegisterLeadResult =
  { ok: true; lead: Lead; created: boolean } | ({ ok: false } & RegisterLeadFailure);

/**
 * Registers a buyer's details for a course of the catalogue (asked before anything is written).
 * The same e-mail for the same course while that lead is open updates it rather than adding a
 * second lead, so a reloaded form never makes a buyer two leads (nor two reminders).
 */
export async function registerLead(
  { store, courses }: RegisterLeadDeps,
  request: ApiSchemas['LeadRequest'] & { language: Language },
  today = new Date(),
): Promise<RegisterLeadResult> {
  const problems = leadProblems(request, today);
  if (problems.length > 0) return { ok: false, reason: 'invalid_lead', problems };
  const course = await courses.findCourse(request.courseId);
  if (!course) return { ok: false, reason: 'unknown_course' };
  const registered = await store.register({
    ...request,
    id: randomUUID(),
    name: request.name.trim(),
    email: request.email.toLowerCase(),
    document: normalizeDocument(request.document),
    courseTitle: course.title,
    status: 'lead',
  });
  return { ok: true, ...registered };
}
