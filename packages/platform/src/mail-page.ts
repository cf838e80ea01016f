import { BlockList } from 'node:net';
import type { ReceivedEmail } from '@checkout/local-infra';
import { pagePolicy } from '@checkout/service-kit';
import escapeHtml from 'escape-html';
import { Router, type RequestHandler } from 'express';

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/**
 * The page lists activation links: only a person at this machine may read it. The address the
 * request arrived on (not one a client names) must be loopback; from elsewhere there is no page.
 */
const arrivedOnLoopback: RequestHandler = (req, _res, next) => {
  const local = req.socket.localAddress ?? '';
  const family = local.includes(':') ? 'ipv6' : 'ipv4';
  next(loopback.check(local, family) ? undefined : 'router');
};

/** Its one inline style attribute and nothing else: no script, no other source, no framing. */
const policy = pagePolicy({
  defaultSrc: ["'none'"],
  styleSrc: ["'unsafe-inline'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
});

/** GET /dev/mail: a page listing what the built-in SMTP sink received, newest first. */
export function mailPage(sentEmails: () => Promise<ReceivedEmail[]>): Router {
  return Router().get('/dev/mail', arrivedOnLoopback, policy, async (_req, res) => {
    const emails = await sentEmails();
    const rows = [...emails]
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
<h1>Sent e-mails (${emails.length})</h1>${rows || '<p>None yet.</p>'}</body></html>`);
  });
}
