/**
 * The BR Code of a static PIX charge: the EMV® QRCPS "copia e cola" text the payer's bank reads,
 * per the Banco Central do Brasil's Manual de Padrões para Iniciação do Pix. Each field is an ID,
 * a two-digit length and the value; the last one is a CRC16 over all that comes before it.
 */
export interface BrCodeFields {
  /** The seller's PIX key (e-mail, phone, CPF/CNPJ or random key). */
  pixKey: string;
  /** Up to 25 characters, shown to the payer by their bank; accents are dropped. */
  merchantName: string;
  /** Up to 15 characters; accents are dropped. */
  merchantCity: string;
  /** Absent, the payer types the amount. */
  amountCents?: number;
  /** Up to 25 letters and digits that tell the payment apart; absent, `***` (none). */
  txid?: string;
  /** A message to the payer, inside the merchant account information. */
  description?: string;
}

const pixGui = 'br.gov.bcb.pix';

const field = (id: string, value: string) => {
  if (value.length > 99) throw new RangeError(`BR Code field ${id} is over 99 characters`);
  return `${id}${String(value.length).padStart(2, '0')}${value}`;
};

/** Printable ASCII only, as the EMV spec's name and city allow, cut to `max` characters. */
const plainAscii = (text: string, max: number) =>
  text
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .trim()
    .slice(0, max);

const amount = (cents: number) => {
  if (!Number.isInteger(cents) || cents <= 0) throw new RangeError('amount must be whole cents');
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
};

/** CRC16-CCITT-FALSE: polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

export function brCode(fields: BrCodeFields): string {
  const account =
    field('00', pixGui) +
    field('01', fields.pixKey) +
    (fields.description ? field('02', fields.description) : '');
  const payload =
    field('00', '01') +
    field('26', account) +
    field('52', '0000') +
    field('53', '986') +
    (fields.amountCents === undefined ? '' : field('54', amount(fields.amountCents))) +
    field('58', 'BR') +
    field('59', plainAscii(fields.merchantName, 25)) +
    field('60', plainAscii(fields.merchantCity, 15)) +
    field('62', field('05', fields.txid ?? '***')) +
    '6304';
  return payload + crc16(payload);
}

/**
 * The txid of a checkout's charge: its id's letters and digits, cut to the 25 the spec allows
 * (a UUID's first 100 bits), so the payment that comes back names the checkout it pays.
 */
export const txidOf = (checkoutId: string) => checkoutId.replace(/[^A-Za-z0-9]/g, '').slice(0, 25);
