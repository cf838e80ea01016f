import { isValidCnpj, isValidCpf } from '@checkout/br-documents';

export type PayerType = 'individual' | 'company';

/** An individual pays with a CPF, a company with a CNPJ. Returns the problem, if any. */
export function payerDocumentProblem(type: PayerType, document: string): string | undefined {
  if (type === 'individual' && !isValidCpf(document))
    return 'must be a valid CPF for an individual payer';
  if (type === 'company' && !isValidCnpj(document))
    return 'must be a valid CNPJ for a company payer';
  return undefined;
}
