import { isValidCpf } from '@checkout/br-documents';
import type { Language } from '@checkout/contracts';

export type LeadStatus = 'lead' | 'client';

export interface Lead {
  id: string;
  name: string;
  email: string;
  document: string;
  birthDate: string;
  phone: string;
  courseId: string;
  /** The catalogue's title when the lead was registered, for its reminder. */
  courseTitle: string;
  /** What the lead's e-mails are written in. */
  language: Language;
  status: LeadStatus;
}

export interface LeadProblem {
  field: 'name' | 'document' | 'birthDate';
  message: string;
}

/** Rules the schema cannot express: a name that is more than spaces, a real CPF, a past birth date. */
export function leadProblems(
  lead: Pick<Lead, 'name' | 'document' | 'birthDate'>,
  today: Date,
): LeadProblem[] {
  const problems: LeadProblem[] = [];
  if (lead.name.trim() === '') problems.push({ field: 'name', message: 'must not be blank' });
  if (!isValidCpf(lead.document))
    problems.push({ field: 'document', message: 'is not a valid CPF' });
  if (lead.birthDate >= today.toISOString().slice(0, 10)) {
    problems.push({ field: 'birthDate', message: 'must be in the past' });
  }
  return problems;
}
