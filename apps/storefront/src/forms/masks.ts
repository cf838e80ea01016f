import type { MaskType } from 'maska';

/**
 * Input masks, applied by maska (about 3 KB gzip, no dependencies, keeps the caret where the
 * buyer types) rather than hand-written formatting. The API accepts each masked form as it is.
 */
export const masks = {
  cpf: '###.###.###-##',
  cnpj: '##.###.###/####-##',
  postalCode: '#####-###',
  date: '##/##/####',
  phone: ['(##) ####-####', '(##) #####-####'],
  card: '#### #### #### #### ###',
  twoDigits: '##',
  fourDigits: '####',
} satisfies Record<string, MaskType>;
