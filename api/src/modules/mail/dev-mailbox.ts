import { randomUUID } from 'node:crypto';
import { type AddressObject, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Logger } from '../../logger.js';

/** One mail the catcher received, parsed (inline `cid:` images are turned into data: URLs by mailparser). */
export type CaughtMail = {
  id: string;
  receivedAt: Date;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  attachments: { filename: string; contentType: string; size: number; inline: boolean; content: Buffer }[];
  raw: Buffer;
};

const MAX_MAILS = 200;
const MAX_TOTAL_BYTES = 50 * 1024 * 1024;
const MAX_MAIL_BYTES = 10 * 1024 * 1024;

const addresses = (a: AddressObject | AddressObject[] | undefined): string[] =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address ?? v.name ?? '')).filter(Boolean);

/**
 * The embedded mail catcher used when no SMTP_URL is configured: a real SMTP server on 127.0.0.1 (random port) that
 * the normal SMTP transport delivers to, so the same code path runs as in production. It keeps the newest mails in
 * memory (at most 200 and 50 MB; lost on restart) for the dev mailbox page. Nothing leaves the machine.
 */
export class DevMailbox {
  private readonly mails: CaughtMail[] = [];
  private server: SMTPServer | undefined;
  private port = 0;

  constructor(private readonly log: Logger) {}

  /** Starts listening; resolves with the SMTP URL to send to. */
  async start(): Promise<string> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      banner: 'Bürgercentrum dev mail catcher',
      size: MAX_MAIL_BYTES,
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
            return;
          }
          const raw = Buffer.concat(chunks);
          this.keep(raw).then(
            () => callback(),
            (err) => {
              this.log.error({ err }, 'dev mail catcher could not parse a mail');
              callback(Object.assign(new Error('Cannot parse the message'), { responseCode: 451 }));
            },
          );
        });
      },
    });
    server.on('error', (err) => this.log.error({ err }, 'dev mail catcher error'));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.port = (server.server.address() as { port: number }).port;
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Newest first. */
  list(): readonly CaughtMail[] {
    return [...this.mails].reverse();
  }

  get(id: string): CaughtMail | undefined {
    return this.mails.find((m) => m.id === id);
  }

  private async keep(raw: Buffer): Promise<void> {
    const parsed = await simpleParser(raw);
    const mail: CaughtMail = {
      id: randomUUID(),
      receivedAt: new Date(),
      from: addresses(parsed.from).join(', '),
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : null,
      attachments: parsed.attachments.map((a) => ({
        filename: a.filename ?? 'attachment',
        contentType: a.contentType,
        size: a.size,
        inline: a.contentDisposition === 'inline' || !!a.related,
        content: a.content,
      })),
      raw,
    };
    this.mails.push(mail);
    let total = this.mails.reduce((n, m) => n + m.raw.length, 0);
    while (this.mails.length > MAX_MAILS || (total > MAX_TOTAL_BYTES && this.mails.length > 1)) {
      total -= this.mails.shift()?.raw.length ?? 0;
    }
    this.log.info({ mailbox: mail.id }, 'mail caught by the dev mailbox');
  }
}
