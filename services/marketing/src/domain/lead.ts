import { isValidCpf } from '@checkout/br-documents';

export type LeadStatus = 'lead' | 'client';

export interface Lead {
  id: string;
  name: string;
  email: string;
  document: string;
  birthDate: string;
  phone: string;
  courseId: string;
  status: LeadStatus;
}

export interface LeadProblem {
  field: 'document' | 'birthDate';
  message: string;
}

/** Rules the schema cannot express: a real CPF and a birth date in the past. */
export function leadProblems(
  lead: Pick<Lead, 'document' | 'birthDate'>,
  today: Date,
): LeadProblem[] {
  const problems: LeadProblem[] = [];
  if (!isValidCpf(lead.document))
    problems.push({ field: 'document', message: 'is not a valid CPF' });
  if (lead.birthDate >= today.toISOString().slice(0, 10)) {
    problems.push({ field: 'birthDate', message: 'must be in the past' });
  }
  return problems;
}
