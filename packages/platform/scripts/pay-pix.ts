/**
 * `npm run pix:pay -- <checkoutId>`: the simulated PIX provider pays a pending PIX charge of the
 * running platform (PUBLIC_URL, or localhost:PORT) with a webhook signed by its key
 * (PIX_WEBHOOK_KEYS, or the one `npm start` keeps under DATA_DIR), and prints the answer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseKeyRing } from '@checkout/service-kit';
import { payPixCharge } from '../src/pay-pix-charge';

const checkoutId = process.argv[2];
if (!checkoutId) {
  console.error('usage: npm run pix:pay -- <checkoutId>');
  process.exit(2);
}
const baseUrl = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? 8080}`;
const keyFile = join(process.env.DATA_DIR ?? '.data', 'pix-webhook-keys');
const keys =
  process.env.PIX_WEBHOOK_KEYS ?? (existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : '');
if (!keys) {
  console.error(`no PIX webhook key: set PIX_WEBHOOK_KEYS or start the platform (${keyFile})`);
  process.exit(2);
}

async function main(id: string) {
  const checkout = await fetch(`${baseUrl}/api/v1/checkouts/${encodeURIComponent(id)}`);
  const found = (await checkout.json()) as { amountCents?: number; pix?: unknown; status?: string };
  if (!checkout.ok || !found.pix || found.amountCents === undefined) {
    console.error(
      `checkout ${id} has no PIX charge to pay (${checkout.status}, ${found.status ?? 'unknown'})`,
    );
    process.exit(1);
  }
  const paid = await payPixCharge(baseUrl, parseKeyRing(keys, 'PIX webhook keys'), {
    id,
    amountCents: found.amountCents,
  });
  console.log(`webhook ${paid.endToEndId}: ${paid.status} ${JSON.stringify(paid.body)}`);
  if (paid.status !== 200) process.exit(1);
}

void main(checkoutId);
