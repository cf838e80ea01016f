import type { SmtpSink } from '@checkout/local-infra';
import escapeHtml from 'escape-html';
import { Router } from 'express';

/** GET /dev/mail: a page listing what the built-in SMTP sink received, newest first. */
export function mailPage(sink: SmtpSink): Router {
  return Router().get('/dev/mail', (_req, res) => {
    const rows = [...sink.emails]
      .reverse()
      .map(
        (email) => `<article><h2>${escapeHtml(email.subject)}</h2>
<p><b>To:</b> ${escapeHtml(email.to.join(', '))} &middot; ${email.receivedAt.toISOString()}</p>
<pre>${escapeHtml(email.text)}</pre></article>`,
      )
      .join('\n<hr>\n');
    res.type('html')
      .send(`<!doctype html><html><head><meta charset="utf-8"><title>Sent e-mails</title>
<meta http-equiv="refresh" content="5"></head><body style="font-family:sans-serif;max-width:60em;margin:auto">
<h1>Sent e-mails (${sink.emails.length})</h1>${rows || '<p>None yet.</p>'}</body></html>`);
  });
}
