import type { Worker } from 'node:cluster';
import type { ReceivedEmail, SmtpSink } from '@checkout/local-infra';

/**
 * The built-in SMTP sink lives in the primary, the mail page in every worker: a worker asks the
 * primary for the e-mails over the cluster's channel (structured clone keeps their dates).
 */
type Question = { type: 'sent-emails?'; id: number };
type Answer = { type: 'sent-emails'; id: number; emails: ReceivedEmail[] };

export function answerSentEmailQuestions(worker: Worker, sink: SmtpSink): void {
  worker.on('message', (message: Question) => {
    if (message.type !== 'sent-emails?') return;
    const answer: Answer = { type: 'sent-emails', id: message.id, emails: sink.emails };
    worker.send(answer);
  });
}

const waiting = new Map<number, (emails: ReceivedEmail[]) => void>();
let lastId = 0;

/** In a worker: the e-mails the primary's sink has received. */
export function sentEmailsFromPrimary(): Promise<ReceivedEmail[]> {
  if (lastId === 0)
    process.on('message', (message: Answer) => {
      if (message.type !== 'sent-emails') return;
      waiting.get(message.id)?.(message.emails);
      waiting.delete(message.id);
    });
  return new Promise((resolve) => {
    const question: Question = { type: 'sent-emails?', id: ++lastId };
    waiting.set(question.id, resolve);
    process.send?.(question);
  });
}
