import busboy from 'busboy';
import express, { type Request, type Response } from 'express';
import { isDatabaseUnavailable } from '../../db/unavailable.js';
import { ErrorCode, logUnexpected, OUTAGE_RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from '../../graphql/errors.js';
import { type Logger, LogThrottle } from '../../logger.js';
import type { Actor } from '../../shared/actor.js';
import {
  tooLarge,
  type UploadErrorCode,
  type UploadFailure,
  type UploadService,
  uploadFailure,
} from './upload.service.js';

/** HTTP status per refusal; the body is always `{ "error": { "code", "message" } }`. */
export const uploadErrorStatus: Record<UploadErrorCode, number> = {
  NOT_MULTIPART: 415,
  INVALID_MULTIPART: 400,
  MISSING_FILE: 400,
  MULTIPLE_FILES: 400,
  UNKNOWN_DOCUMENT: 400,
  NOT_UPLOADABLE: 400,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  RATE_LIMITED: 429,
};

type ParsedForm = { ok: true; documentId: string | undefined; fileName: string; data: Buffer };

/**
 * Reads one multipart body: the text field `documentId` and one file in the field `file`, in either order.
 * Resolves as soon as the answer is known: a file over `maxBytes` or a second file stops reading at once.
 */
function readForm(req: Request, maxBytes: number): Promise<ParsedForm | UploadFailure> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // Browsers send UTF-8 file names; busboy's default would read them as Latin-1.
        defParamCharset: 'utf8',
        // busboy signals 'limit' on reaching fileSize, so one byte more: a file of exactly maxBytes is fine.
        limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 1024, parts: 20 },
      });
    } catch (err) {
      resolve(uploadFailure('NOT_MULTIPART', `Send multipart/form-data with a boundary (${(err as Error).message}).`));
      return;
    }
    let settled = false;
    const finish = (result: ParsedForm | UploadFailure) => {
      if (settled) return;
      settled = true;
      if (!result.ok) {
        // Stop parsing: whatever the client still sends is not kept (refuse() reads and drops it).
        req.unpipe(parser);
      }
      resolve(result);
    };

    let documentId: string | undefined;
    let file: { fileName: string; chunks: Buffer[] } | undefined;
    let otherFile = false;

    parser.on('field', (name, value) => {
      if (name === 'documentId') documentId = value.trim();
    });
    parser.on('file', (name, stream, info) => {
      // A broken body also fails the file stream; the parser's own 'error' answers it. Without a listener the
      // stream's error would be uncaught and end the process.
      stream.on('error', () => {});
      if (name !== 'file' || file) {
        otherFile = true;
        stream.resume();
        return;
      }
      const current = { fileName: info.filename ?? '', chunks: [] as Buffer[] };
      file = current;
      stream.on('data', (chunk: Buffer) => current.chunks.push(chunk));
      stream.on('limit', () => {
        current.chunks = [];
        finish(tooLarge(maxBytes));
      });
    });
    parser.on('filesLimit', () => finish(uploadFailure('MULTIPLE_FILES', 'Send exactly one file per request.')));
    parser.on('error', (err: Error) =>
      finish(uploadFailure('INVALID_MULTIPART', `The multipart body could not be read: ${err.message}.`)),
    );
    parser.on('close', () => {
      if (!file) {
        finish(
          uploadFailure(
            'MISSING_FILE',
            otherFile ? 'Send the file in the form field "file".' : 'The request has no file (form field "file").',
          ),
        );
        return;
      }
      finish({ ok: true, documentId, fileName: file.fileName, data: Buffer.concat(file.chunks) });
    });
    // A client that goes away mid-upload: nothing to answer, but the request must not hang.
    req.on('close', () => {
      if (!req.complete) finish(uploadFailure('INVALID_MULTIPART', 'The upload was interrupted.'));
    });
    req.pipe(parser);
  });
}

/** Room for the multipart framing around the file: boundaries, part headers, the documentId field. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/**
 * How much of a refused body is still read (and dropped) after the answer. Closing a connection while the client
 * still sends makes the kernel reset it, and a client busy sending then sees the reset (EPIPE, ECONNRESET) instead
 * of the answer; so the rest is read, up to this much, and the connection stays usable. Past it, it is closed.
 */
const drainLimit = (maxBytes: number) => Math.max(64 * 1024 * 1024, 2 * maxBytes);

/** Answers a refusal at once; whatever of the body has not arrived yet is read and dropped (see drainLimit). */
function refuse(req: Request, res: Response, failure: UploadFailure, maxBytes: number) {
  if (failure.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(failure.retryAfterSeconds));
  res.status(uploadErrorStatus[failure.code]).json({ error: { code: failure.code, message: failure.message } });
  if (req.complete) return;
  const limit = drainLimit(maxBytes);
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > limit) req.socket.destroy();
  });
  req.resume();
}

/** The body's declared size is over what an upload may be: refused before a byte of it is read. */
const declaredTooLarge = (req: Request, maxBytes: number) =>
  Number(req.headers['content-length'] ?? 0) > maxBytes + FORM_OVERHEAD_BYTES;

/**
 * `Content-Disposition: inline` with the display name: an ASCII fallback in `filename` (for old clients) and the
 * exact name as RFC 8187 UTF-8 in `filename*`. Quotes, backslashes, control characters and non-ASCII never reach
 * the header unencoded.
 */
export function inlineDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * What the browser may do with a served upload: nothing but show it. `sandbox` gives the document an opaque origin
 * with no scripts, forms or popups; nothing may be fetched or framed. Chromium shows PDFs in a sandboxed document
 * (checked with Debian's Chromium 14x; versions before the fix of crbug.com/413851 blocked it); `style-src
 * 'unsafe-inline'` is for the inline styles of the browser's own image and PDF viewer pages.
 */
export const UPLOAD_CSP =
  "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

function notServed(res: Response, status: 401 | 404) {
  res
    .status(status)
    .setHeader('Cache-Control', 'private, no-store')
    .json(
      status === 401
        ? { error: { code: 'UNAUTHENTICATED', message: 'Sign in as staff to open uploaded documents.' } }
        : { error: { code: 'NOT_FOUND', message: 'There is no such document.' } },
    );
}

/**
 * `POST /uploads` (mount the router at `/uploads`): multipart/form-data with `documentId` and one `file`.
 * 201 `{ id, documentId, fileName, mediaType, sizeBytes }`; the id is passed to the booking mutation.
 * Anonymous (citizens have no account); the hourly limit per client address keeps it cheap to offer.
 *
 * `GET /uploads/:id`: the file, for staff only (session cookie; a link opened in a new tab carries nothing else),
 * and only of appointments in an office they work in. 401 without a staff session; 404 alike for a malformed or
 * unknown id, an unattached upload and another office's, so that guessing learns nothing.
 */
export function uploadRouter(deps: {
  uploads: UploadService;
  /** The signed-in staff member of the request's session cookie, or null (no cookie, expired, not staff). */
  staffOf: (req: Request) => Promise<Extract<Actor, { kind: 'staff' }> | null>;
  log: Logger;
}): express.Router {
  const { uploads, staffOf, log } = deps;
  const outages = new LogThrottle(log);
  /** Our failure: 503 with Retry-After while the database is away, else 500 with a correlation id in the log. */
  const failed = (res: Response, err: unknown, message: string) => {
    if (res.headersSent) return;
    if (isDatabaseUnavailable(err)) {
      outages.warn({ err }, 'database unavailable: upload answered 503');
      res
        .status(503)
        .setHeader('Retry-After', String(OUTAGE_RETRY_AFTER_SECONDS))
        .json({ error: { code: ErrorCode.ServiceUnavailable, message: UNAVAILABLE_MESSAGE } });
      return;
    }
    const correlationId = logUnexpected(log, err);
    res.status(500).json({ error: { code: ErrorCode.Internal, message, correlationId } });
  };
  const router = express.Router();
  router.get('/:id', async (req, res) => {
    try {
      const staff = await staffOf(req);
      if (!staff) {
        notServed(res, 401);
        return;
      }
      const found = await uploads.readForStaff(staff, req.params.id);
      if (!found) {
        notServed(res, 404);
        return;
      }
      const { upload, data } = found;
      res
        .status(200)
        .setHeader('Content-Type', upload.mediaType)
        .setHeader('Content-Length', String(data.length))
        .setHeader('Content-Disposition', inlineDisposition(upload.fileName))
        .setHeader('X-Content-Type-Options', 'nosniff')
        .setHeader('Cache-Control', 'private, no-store')
        .setHeader('Content-Security-Policy', UPLOAD_CSP)
        .end(data);
    } catch (err) {
      res.setHeader('Cache-Control', 'private, no-store');
      failed(res, err, 'The document could not be read.');
    }
  });
  router.post('/', async (req, res) => {
    const clientKey = req.ip ?? 'unknown';
    const { maxBytes } = uploads.limits;
    try {
      // Everything that can be decided from the headers is decided before the body is read.
      if (!req.is('multipart/form-data')) {
        refuse(req, res, uploadFailure('NOT_MULTIPART', 'Send the file as multipart/form-data.'), maxBytes);
        return;
      }
      const limited = await uploads.checkRate(clientKey);
      if (limited) {
        refuse(req, res, limited, maxBytes);
        return;
      }
      if (declaredTooLarge(req, maxBytes)) {
        refuse(req, res, (await uploads.countAttempt(clientKey)) ?? tooLarge(maxBytes), maxBytes);
        return;
      }
      const form = await readForm(req, maxBytes);
      if (!form.ok || !form.documentId) {
        const failure = form.ok ? uploadFailure('UNKNOWN_DOCUMENT', 'The form field "documentId" is missing.') : form;
        // Refused requests count towards the limit too.
        refuse(req, res, (await uploads.countAttempt(clientKey)) ?? failure, maxBytes);
        return;
      }
      const result = await uploads.accept({
        documentId: form.documentId,
        fileName: form.fileName,
        data: form.data,
        clientKey,
      });
      if (!result.ok) {
        refuse(req, res, result, maxBytes);
        return;
      }
      const { id, documentId, fileName, mediaType, sizeBytes } = result.upload;
      res.status(201).json({ id, documentId, fileName, mediaType, sizeBytes });
    } catch (err) {
      res.setHeader('Connection', 'close');
      failed(res, err, 'The upload could not be stored.');
    }
  });
  return router;
}
