import { createCheckoutClient } from '@checkout/client';
import type { SmtpSink } from '@checkout/local-infra';
import { buyCourse, testCards } from '@checkout/test-kit';
import { percentile } from './figures';

const flows = [
  { name: 'approved', cardNumber: testCards.approved, recipient: 'student' },
  { name: 'declined', cardNumber: testCards.declined, recipient: 'payer' },
  { name: 'transient then approved', cardNumber: testCards.transient, recipient: 'student' },
] as const;

/** Checkout to e-mail for each test-card flow, one buyer at a time: the latency without load. */
export async function printLightLoadLatency(baseUrl: string, sink: SmtpSink, runsPerFlow: number) {
  const api = createCheckoutClient({ baseUrl: `${baseUrl}/api/v1` });
  console.log(`\ncheckout to e-mail at the SMTP server, ${runsPerFlow} runs per flow (ms):`);
  for (const flow of flows) {
    const latencies: number[] = [];
    for (let run = 0; run < runsPerFlow; run++) {
      const journey = await buyCourse(api, { cardNumber: flow.cardNumber });
      const to = flow.recipient === 'student' ? journey.studentEmail : journey.payerEmail;
      const email = await sink.waitFor((e) => e.to.includes(to));
      latencies.push(email.receivedAt.getTime() - journey.checkoutSentAt);
    }
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `  ${flow.name.padEnd(24)} p50 ${percentile(sorted, 0.5)}  p95 ${percentile(sorted, 0.95)}  max ${sorted.at(-1)}`,
    );
  }
}
