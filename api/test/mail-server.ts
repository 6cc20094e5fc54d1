import jsQRModule from 'jsqr';
import { type ParsedMail, simpleParser } from 'mailparser';
import { PNG } from 'pngjs';
import { SMTPServer } from 'smtp-server';
import { LOCK_MAIL } from '../src/modules/mail/mail-claims.store.js';

export type ReceivedMail = ParsedMail & { envelopeTo: string[] };

/**
 * A real SMTP server in the test process (smtp-server + mailparser), no TLS, no auth. Addresses in `reject` are
 * refused at RCPT TO with a permanent 550; `stop()` and `start()` simulate an outage on the same port.
 */
export class TestSmtpServer {
  readonly received: ReceivedMail[] = [];
  readonly reject = new Set<string>();
  /** Waits this long after receiving a mail before answering 250 (a slow mail server). */
  delayMs = 0;
  /** Never answers the end of a message: the sender waits until it gives up or dies (a hung mail server). */
  hold = false;
  /** Mails received but not answered because of `hold`. */
  held = 0;
  private server: SMTPServer | undefined;
  port = 0;

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        if (this.reject.has(address.address.toLowerCase())) {
          callback(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
        } else {
          callback();
        }
      },
      onData: (stream, session, callback) => {
        // keepCidLinks: the HTML is checked as sent (cid: images), not as mailparser would rewrite it.
        simpleParser(stream, { keepCidLinks: true }).then(
          (mail) => {
            if (this.hold) {
              this.held += 1;
              return;
            }
            this.received.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
            setTimeout(() => callback(), this.delayMs);
          },
          (err) => callback(err),
        );
      },
    });
    // A sender that dies mid-conversation (kill -9) resets its connection, which smtp-server reports as an 'error'
    // event: the sender's trouble, not the server's, and without a listener it would end the test process.
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Mails to one address, in arrival order. */
  to(address: string): ReceivedMail[] {
    return this.received.filter((m) => m.envelopeTo.includes(address.toLowerCase()));
  }

  /** Waits (real time) until `predicate` holds for the received mails; returns the ones to `address`. */
  async waitFor(address: string, count: number, timeoutMs = 15_000): Promise<ReceivedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.to(address).length < count) {
      if (Date.now() > deadline) {
        throw new Error(`expected ${count} mail(s) to ${address}, got ${this.to(address).length}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return this.to(address);
  }
}

// jsqr is CommonJS with a default export: Node hands over module.exports, some loaders unwrap it.
const jsQR = ((jsQRModule as { default?: unknown }).default ?? jsQRModule) as typeof jsQRModule.default;

/** The text a QR code in a PNG holds, or null. */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return (
    jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height)
      ?.data ?? null
  );
}

/**
 * Waits (real time) until no mail is being sent in the database behind `sql`: every claim has settled. A claim
 * takes its advisory lock before it marks the row SENDING, so a held lock counts too (agenda's dispatch, running in
 * the background, can hold one that a test's own dispatch skipped).
 */
export async function settled(sql: (q: string) => Promise<{ n: number }[]>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql(
      `SELECT ((SELECT count(*) FROM mail_message WHERE status = 'SENDING')
             + (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = ${LOCK_MAIL}
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())))::int AS n`,
    );
    if (row?.n === 0) return;
    if (Date.now() > deadline) throw new Error('mails still being sent');
    await new Promise((r) => setTimeout(r, 50));
  }
}
