import { waitUntil, type ReceivedEmail, type SmtpSink } from '@checkout/local-infra';

interface MailpitSummary {
  ID: string;
  Created: string;
}

interface MailpitMessage {
  From: { Address: string } | null;
  To: { Address: string }[] | null;
  Subject: string;
  Text: string;
  HTML: string;
}

const pollMs = 500;

/**
 * The dev profile's SMTP sink (Mailpit), read through its HTTP API at `apiUrl`, as a test reads
 * the SMTP server of its own in the other modes: `emails` holds what arrived since this call,
 * polled every half second.
 */
export async function connectMailpitSink(apiUrl: string, smtpUrl: string): Promise<SmtpSink> {
  const since = Date.now();
  const emails: ReceivedEmail[] = [];
  const seen = new Set<string>();
  const read = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${apiUrl}/api/v1/${path}`);
    if (!response.ok) throw new Error(`Mailpit answered ${response.status} to ${path}`);
    return (await response.json()) as T;
  };
  const poll = async () => {
    const { messages } = await read<{ messages: MailpitSummary[] }>('messages?limit=500');
    const fresh = messages
      .filter((m) => !seen.has(m.ID) && Date.parse(m.Created) >= since)
      .reverse(); // the API lists the newest first
    for (const summary of fresh) {
      const message = await read<MailpitMessage>(`message/${summary.ID}`);
      seen.add(summary.ID);
      emails.push({
        from: message.From?.Address ?? '',
        to: (message.To ?? []).map((to) => to.Address),
        subject: message.Subject,
        text: message.Text,
        html: message.HTML,
        receivedAt: new Date(summary.Created),
      });
    }
  };
  await poll();
  let polling = true;
  const loop = (async () => {
    while (polling) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      // A failed poll (a port-forward being replaced) is retried on the next round.
      await poll().catch(() => undefined);
    }
  })();

  return {
    port: Number(new URL(smtpUrl).port),
    url: smtpUrl,
    emails,
    waitFor: (match, timeoutMs = 10_000) =>
      waitUntil('a matching e-mail', () => emails.find(match), timeoutMs, pollMs / 5),
    stop: async () => {
      polling = false;
      await loop;
    },
  };
}
