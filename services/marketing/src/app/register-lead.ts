import { randomUUID } from 'node:crypto';
import type { ApiSchemas } from '@checkout/contracts';
import { normalizeDocument } from '@checkout/br-documents';
import { leadProblems, type Lead, type LeadProblem } from '../domain/lead';
import type { LeadStore } from './ports';

export interface RegisterLeadFailure {
  reason: 'invalid_lead';
  problems: LeadProblem[];
}

export type RegisterLeadResult = { ok: true; lead: Lead } | ({ ok: false } & RegisterLeadFailure);

export async function registerLead(
  store: LeadStore,
  request: ApiSchemas['LeadRequest'],
  today = new Date(),
): Promise<RegisterLeadResult> {
  const problems = leadProblems(request, today);
  if (problems.length > 0) return { ok: false, reason: 'invalid_lead', problems };
  const lead: Lead = {
    ...request,
    id: randomUUID(),
    email: request.email.toLowerCase(),
    document: normalizeDocument(request.document),
    status: 'lead',
  };
  await store.add(lead);
  return { ok: true, lead };
}
