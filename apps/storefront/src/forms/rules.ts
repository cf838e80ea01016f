import { isValidCnpj, isValidCpf } from '@checkout/br-documents';
import type { Messages } from '../i18n/pt-br';

/** Reads another field of the same form, for rules that depend on one (CVC on the card's brand). */
export type FormValues = (name: string) => string;
/** A field's rule: the message to show beside it, or undefined when the value is fine. */
export type Rule = (
  value: string,
  form: FormValues,
  words: Messages['rules'],
) => string | undefined;

/*
 * The API's rules (openapi/openapi.yaml's schemas and the services' domain checks), so a buyer
 * hears about a mistake as they leave the field instead of after a round trip. The API stays the
 * judge: whatever it still rejects is shown beside the field it names.
 */

const text =
  (min: number, max: number): Rule =>
  (value, _form, words) => {
    if (value.trim() === '') return min > 0 ? words.required : undefined;
    if (value.length < min) return words.tooShort(min);
    return value.length > max ? words.tooLong(max) : undefined;
  };

const required =
  (rule: Rule): Rule =>
  (value, form, words) =>
    value.trim() === '' ? words.required : rule(value, form, words);

// The HTML standard's rule for type="email"; the API's is a little stricter (a dot in the domain).
const emailPattern =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const email = required((value, _form, words) =>
  value.length > 254 || !emailPattern.test(value) ? words.email : undefined,
);
const phone = required((value, _form, words) =>
  /^\+?[0-9 ()-]{10,20}$/.test(value) ? undefined : words.phone,
);
const cpf = required((value, _form, words) => (isValidCpf(value) ? undefined : words.cpf));

export const cardDigits = (value: string) => value.replace(/\s/g, '');
const isAmex = (number: string) => /^3[47]/.test(cardDigits(number));

/** The card networks' checksum (ISO/IEC 7812). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    sum += i % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const expMonth = required((value, _form, words) => {
  const month = Number(value);
  return /^\d{1,2}$/.test(value) && month >= 1 && month <= 12 ? undefined : words.expMonth;
});

/**
 * A DD/MM/AAAA date as the API's YYYY-MM-DD, or undefined if it is no calendar date. A masked
 * text field rather than type="date", whose segments behave differently in every browser.
 */
export function isoDate(text: string): string | undefined {
  const [, day, month, year] = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text) ?? [];
  const iso = `${year}-${month}-${day}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return day && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso)
    ? iso
    : undefined;
}

export const leadRules: Record<string, Rule> = {
  name: text(2, 120),
  email,
  document: cpf,
  birthDate: required((value, _form, words) => {
    const iso = isoDate(value);
    // The API compares with today's date in UTC.
    return iso && iso < new Date().toISOString().slice(0, 10) ? undefined : words.birthDate;
  }),
  phone,
};

export const cardRules: Record<string, Rule> = {
  number: required((value, _form, words) => {
    const digits = cardDigits(value);
    return /^\d{12,19}$/.test(digits) && passesLuhn(digits) ? undefined : words.cardNumber;
  }),
  holderName: text(2, 120),
  expMonth,
  expYear: required((value, form, words) => {
    if (!/^\d{4}$/.test(value)) return words.expYear;
    const now = new Date();
    const expires = Number(value) * 12 + Number(form('expMonth'));
    return expires < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1 ? words.expired : undefined;
  }),
  cvc: required((value, form, words) => {
    const digits = isAmex(form('number')) ? 4 : 3;
    return new RegExp(`^\\d{${digits}}$`).test(value) ? undefined : words.cvc(digits);
  }),
};

export const states = [
  'AC', 'AL', 'AP', 'AM', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MT', 'MS', 'MG', 'PA',
  'PB', 'PR', 'PE', 'PI', 'RJ', 'RN', 'RS', 'RO', 'RR', 'SC', 'SP', 'SE', 'TO',
] as const; // prettier-ignore

export const payerRules: Record<string, Rule> = {
  'payer.name': text(2, 120),
  'payer.email': email,
  'payer.document': required((value, form, words) => {
    if (form('payer.type') === 'company') return isValidCnpj(value) ? undefined : words.cnpj;
    return isValidCpf(value) ? undefined : words.cpf;
  }),
  'payer.phone': phone,
  'payer.address.postalCode': required((value, _form, words) =>
    /^[0-9]{5}-?[0-9]{3}$/.test(value) ? undefined : words.postalCode,
  ),
  'payer.address.street': text(1, 200),
  'payer.address.number': text(1, 20),
  'payer.address.complement': text(0, 100),
  'payer.address.district': text(1, 100),
  'payer.address.city': text(1, 100),
  'payer.address.state': (value, _form, words) =>
    (states as readonly string[]).includes(value) ? undefined : words.state,
};

export const activationRules: Record<string, Rule> = { email, password: text(8, 200) };
export const signInRules: Record<string, Rule> = { email, password: text(1, 200) };
export const accessRequestRules: Record<string, Rule> = { email };
