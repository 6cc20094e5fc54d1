import express, { type Router } from 'express';
import type { CaughtMail, DevMailbox } from './dev-mailbox.js';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A mail's own HTML may show its (inline, data:) images and styles, nothing else: no scripts, forms or requests. */
const MAIL_HTML_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'self'; sandbox";

const page = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font-family: system-ui, Arial, sans-serif; margin: 0 auto; max-width: 1100px; padding: 16px; color: #1b1b1b; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #c8c8c8; vertical-align: top; }
  a { color: #0b4f8a; }
  iframe { width: 100%; height: 70vh; border: 1px solid #767676; }
  pre { white-space: pre-wrap; background: #f3f3f3; padding: 12px; }
  .hint { color: #3d3d3d; }
</style>
</head>
<body>
${body}
</body>
</html>`;

const time = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 19);

function listPage(mails: readonly CaughtMail[]): string {
  const rows = mails
    .map(
      (m) =>
        `<tr><td>${time(m.receivedAt)}</td><td>${escapeHtml(m.to.join(', '))}</td><td><a href="/dev/mailbox/${m.id}">${escapeHtml(m.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('\n');
  return page(
    'Dev mailbox',
    `<h1>Dev mailbox</h1>
<p class="hint">Mails the product sent while no SMTP_URL is set. Kept in memory (newest 200), gone after a restart. Times in UTC.</p>
${
  mails.length === 0
    ? '<p>No mails yet.</p>'
    : `<table><caption class="hint">${mails.length} mail(s), newest first</caption>
<thead><tr><th scope="col">Received</th><th scope="col">To</th><th scope="col">Subject</th></tr></thead>
<tbody>
${rows}
</tbody></table>`
}`,
  );
}

function mailPage(m: CaughtMail): string {
  const attachments = m.attachments
    .map(
      (a, i) =>
        `<li><a href="/dev/mailbox/${m.id}/attachments/${i}">${escapeHtml(a.filename)}</a> (${escapeHtml(a.contentType)}, ${a.size} bytes${a.inline ? ', inline' : ''})</li>`,
    )
    .join('\n');
  return page(
    m.subject || 'Mail',
    `<p><a href="/dev/mailbox">← All mails</a></p>
<h1>${escapeHtml(m.subject || '(no subject)')}</h1>
<table>
<tr><th scope="row">From</th><td>${escapeHtml(m.from)}</td></tr>
<tr><th scope="row">To</th><td>${escapeHtml(m.to.join(', '))}</td></tr>
<tr><th scope="row">Received</th><td>${time(m.receivedAt)} UTC</td></tr>
</table>
${attachments ? `<h2>Attachments</h2><ul>${attachments}</ul>` : ''}
<p><a href="/dev/mailbox/${m.id}/raw">Download the whole message (.eml)</a></p>
${m.html ? `<h2>HTML</h2><iframe title="HTML part of the mail" sandbox src="/dev/mailbox/${m.id}/html"></iframe>` : ''}
<h2>Plain text</h2>
<pre>${escapeHtml(m.text)}</pre>`,
  );
}

/** `GET /dev/mailbox`: the caught mails; mounted only when the dev mailbox is enabled (see config). */
export function devMailboxRouter(mailbox: DevMailbox): Router {
  const router = express.Router();
  const find = (id: string | undefined) => (id ? mailbox.get(id) : undefined);
  router.use((_req, res, next) => {
    // Personal data: never cached, never indexed.
    res.set('Cache-Control', 'no-store').set('X-Robots-Tag', 'noindex');
    next();
  });
  router.get('/', (_req, res) => {
    res.type('html').send(listPage(mailbox.list()));
  });
  router.get('/messages.json', (_req, res) => {
    res.json(
      mailbox.list().map((m) => ({
        id: m.id,
        receivedAt: m.receivedAt,
        from: m.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        attachments: m.attachments.map(({ filename, contentType, size, inline }) => ({
          filename,
          contentType,
          size,
          inline,
        })),
      })),
    );
  });
  router.get('/:id', (req, res) => {
    const m = find(req.params.id);
    if (!m) return void res.status(404).type('text').send('No such mail (the mailbox is emptied on restart).');
    res.type('html').send(mailPage(m));
  });
  router.get('/:id/html', (req, res) => {
    const m = find(req.params.id);
    if (!m?.html) return void res.status(404).type('text').send('No HTML part.');
    res.set('Content-Security-Policy', MAIL_HTML_CSP).type('html').send(m.html);
  });
  router.get('/:id/raw', (req, res) => {
    const m = find(req.params.id);
    if (!m) return void res.status(404).type('text').send('No such mail.');
    res.type('message/rfc822').attachment(`${m.id}.eml`).send(m.raw);
  });
  router.get('/:id/attachments/:index', (req, res) => {
    const a = find(req.params.id)?.attachments[Number(req.params.index)];
    if (!a) return void res.status(404).type('text').send('No such attachment.');
    res.set('Content-Security-Policy', MAIL_HTML_CSP).type(a.contentType).attachment(a.filename).send(a.content);
  });
  return router;
}
