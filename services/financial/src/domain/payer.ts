import { isValidCnpj, isValidCpf } from '@checkout/br-documents';

export type PayerType = 'individual' | 'company';

/** Who pays a checkout, kept for the receipt and the invoice (nota fiscal); never logged. */
export interface Payer {
  type: PayerType;
  name: string;
  email: string;
  /** CPF or CNPJ, digits only. */
  document: string;
  phone: string;
  address: {
    postalCode: string;
    street: string;
    number: string;
    complement?: string;
    district: string;
    city: string;
    state: string;
  };
}

/** An individual pays with a CPF, a company with a CNPJ. Returns the problem, if any. */
export function payerDocumentProblem(type: PayerType, document: string): string | undefined {
  if (type === 'individual' && !isValidCpf(document))
    return 'must be a valid CPF for an individual payer';
  if (type === 'company' && !isValidCnpj(document))
    return 'must be a valid CNPJ for a company payer';
  return undefined;
}
