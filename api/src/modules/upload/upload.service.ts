import { fileTypeFromBuffer } from 'file-type';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../../config.js';
import { type Actor, worksIn } from '../../shared/actor.js';
import { RequiredDocumentEntity } from '../catalog/required-document.entity.js';
import { UploadEntity } from './upload.entity.js';
import { PostgresUploadStorage, type UploadStorage } from './upload-storage.store.js';

/** The only types accepted, as detected from the content (never from the name or the client's Content-Type). */
export const ACCEPTED_MEDIA_TYPES: readonly string[] = ['application/pdf', 'image/jpeg', 'image/png'];

/** Uploads not attached to a booking within this time are purged. */
export const UNATTACHED_TTL_MS = 60 * 60 * 1000;

const MAX_FILE_NAME_LENGTH = 150;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type UploadErrorCode =
  | 'NOT_MULTIPART'
  | 'INVALID_MULTIPART'
  | 'MISSING_FILE'
  | 'MULTIPLE_FILES'
  | 'UNKNOWN_DOCUMENT'
  | 'NOT_UPLOADABLE'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_TYPE'
  | 'RATE_LIMITED';

/** A refused upload; nothing was stored. `message` is English for developers; clients map `code`. */
export type UploadFailure = {
  ok: false;
  code: UploadErrorCode;
  message: string;
  /** Only for RATE_LIMITED. */
  retryAfterSeconds?: number;
};

export type AcceptResult = { ok: true; upload: UploadEntity } | UploadFailure;

export type UploadInput = {
  documentId: string;
  /** The name the client gave; cleaned and kept for display only. */
  fileName: string;
  data: Buffer;
  /** Whose attempts count against the hourly limit (the client address). */
  clientKey: string;
};

export const uploadFailure = (code: UploadErrorCode, message: string, retryAfterSeconds?: number): UploadFailure =>
  retryAfterSeconds === undefined ? { ok: false, code, message } : { ok: false, code, message, retryAfterSeconds };

/** The refusal for a file over the limit, e.g. "The file is larger than 10 MB (10485760 bytes)." */
export const tooLarge = (maxBytes: number): UploadFailure =>
  uploadFailure(
    'TOO_LARGE',
    `The file is larger than ${Number((maxBytes / 1024 / 1024).toFixed(2))} MB (${maxBytes} bytes).`,
  );

/**
 * A readable display name from whatever the client sent: no path parts, no control or bidi-override characters,
 * none of the characters Windows refuses in names, no leading dots, at most 150 characters (extension kept).
 * Never used as a path; the bytes are stored under the upload's id.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).at(-1) ?? '';
  let cleaned = base
    .normalize('NFC')
    // Control characters and invisible format characters (e.g. U+202E, which makes "fdp.exe" look like "exe.pdf").
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const chars = [...cleaned];
  if (chars.length > MAX_FILE_NAME_LENGTH) {
    const dot = cleaned.lastIndexOf('.');
    const ext = dot > 0 ? [...cleaned.slice(dot)] : [];
    const keepExt = ext.length > 1 && ext.length <= 10 ? ext : [];
    cleaned = [...chars.slice(0, MAX_FILE_NAME_LENGTH - keepExt.length), ...keepExt].join('').trim();
  }
  return cleaned || 'upload';
}

/**
 * Documents citizens upload ahead of their visit: checked, typed from their content and stored (metadata row and
 * bytes in one transaction), attached by the booking later, purged when nobody attaches them in time.
 */
export class UploadService {
  private readonly attempts: RateLimiterPostgres;

  constructor(
    private readonly ds: DataSource,
    private readonly pool: pg.Pool,
    readonly limits: Config['uploads'],
    private readonly now: () => Date,
    private readonly storage: UploadStorage = new PostgresUploadStorage(ds),
  ) {
    this.attempts = new RateLimiterPostgres({
      storeClient: pool,
      storeType: 'pool',
      tableName: 'rate_limit',
      tableCreated: true,
      keyPrefix: 'upload-ip',
      points: limits.ratePerHour,
      duration: 60 * 60,
    });
  }

  /**
   * A failure when this client is over its hourly limit already, without counting an attempt. Lets the HTTP
   * endpoint refuse before reading a body.
   */
  async checkRate(clientKey: string): Promise<UploadFailure | null> {
    const res = await this.attempts.get(clientKey);
    return res && res.consumedPoints >= this.limits.ratePerHour ? this.rateLimited(res) : null;
  }

  /** Counts one attempt (successful or not); a failure when the client is over its hourly limit. */
  async countAttempt(clientKey: string): Promise<UploadFailure | null> {
    try {
      await this.attempts.consume(clientKey);
      return null;
    } catch (err) {
      if (err instanceof RateLimiterRes) return this.rateLimited(err);
      throw err;
    }
  }

  private rateLimited(res: RateLimiterRes): UploadFailure {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    return uploadFailure(
      'RATE_LIMITED',
      `Too many uploads from this address (at most ${this.limits.ratePerHour} per hour); try again in ${seconds} s.`,
      seconds,
    );
  }

  /** Checks and stores one upload, unattached. Counts as an attempt for the rate limit. */
  async accept(input: UploadInput): Promise<AcceptResult> {
    const limited = await this.countAttempt(input.clientKey);
    if (limited) return limited;

    const { documentId, data } = input;
    if (!UUID.test(documentId)) {
      return uploadFailure('UNKNOWN_DOCUMENT', 'documentId must be the id (a UUID) of a required document.');
    }
    const document = await this.ds.getRepository(RequiredDocumentEntity).findOneBy({ id: documentId });
    if (!document) return uploadFailure('UNKNOWN_DOCUMENT', `There is no required document with id ${documentId}.`);
    if (!document.uploadable) {
      return uploadFailure('NOT_UPLOADABLE', `The document "${document.name}" cannot be uploaded; bring it along.`);
    }
    if (data.length === 0) return uploadFailure('MISSING_FILE', 'The file is empty.');
    if (data.length > this.limits.maxBytes) {
      return tooLarge(this.limits.maxBytes);
    }
    const type = await fileTypeFromBuffer(data);
    if (!type || !ACCEPTED_MEDIA_TYPES.includes(type.mime)) {
      return uploadFailure(
        'UNSUPPORTED_TYPE',
        `Only PDF, JPEG and PNG files are accepted; the content of this file is ${type ? type.mime : 'not one of them'}.`,
      );
    }

    const upload = await this.ds.transaction(async (em) => {
      const row = em.getRepository(UploadEntity).create({
        documentId,
        appointmentId: null,
        fileName: cleanFileName(input.fileName),
        mediaType: type.mime,
        sizeBytes: data.length,
        createdAt: this.now(),
      });
      const saved = await em.save(row);
      await this.storage.put(saved.id, data, em);
      return saved;
    });
    return { ok: true, upload };
  }

  /**
   * Deletes uploads that no booking attached within `olderThanMs` (default one hour, by the injected clock),
   * with their bytes. Returns how many were deleted. An upload attached concurrently is kept: PostgreSQL
   * re-checks `"appointmentId" IS NULL` on the row the booking updated.
   */
  async purgeUnattached(olderThanMs = UNATTACHED_TTL_MS): Promise<number> {
    const cutoff = new Date(this.now().getTime() - olderThanMs);
    const { rows } = await this.pool.query<{ id: string }>(
      'DELETE FROM upload WHERE "appointmentId" IS NULL AND "createdAt" < $1 RETURNING id',
      [cutoff],
    );
    const ids = rows.map((r) => r.id);
    await this.storage.delete(ids);
    return ids.length;
  }

  /**
   * An attached upload with its bytes for a staff member who works in the appointment's office (the queue's rule:
   * ADMIN everywhere, others in their offices). Null alike for a malformed or unknown id, an upload no booking
   * attached, and another office's upload, so that the answer does not tell which of these it was.
   */
  async readForStaff(
    actor: Extract<Actor, { kind: 'staff' }>,
    id: string,
  ): Promise<{ upload: Pick<UploadEntity, 'id' | 'fileName' | 'mediaType' | 'sizeBytes'>; data: Buffer } | null> {
    if (!UUID.test(id)) return null;
    const [row]: { id: string; fileName: string; mediaType: string; sizeBytes: number; officeId: string }[] =
      await this.ds.query(
        `SELECT u.id, u."fileName", u."mediaType", u."sizeBytes", a."officeId"
           FROM upload u JOIN appointment a ON a.id = u."appointmentId"
          WHERE u.id = $1`,
        [id],
      );
    if (!row || !(await worksIn(this.ds.manager, actor, row.officeId))) return null;
    const data = await this.storage.get(id);
    if (!data) return null;
    const { officeId: _officeId, ...upload } = row;
    return { upload, data };
  }

  /**
   * Attaches an unattached upload to an appointment in place of the files it had for the same document (their rows
   * and bytes go, with their check state: the new file starts at TO_CHECK). Runs in the caller's transaction `m`,
   * which has locked the appointment. False when the upload was attached meanwhile or has expired.
   */
  async attachReplacing(
    m: EntityManager,
    appointmentId: string,
    documentId: string,
    uploadId: string,
  ): Promise<boolean> {
    const attached: { id: string }[] = await m.query(
      `WITH x AS (UPDATE upload SET "appointmentId" = $1
                   WHERE id = $2 AND "documentId" = $3 AND "appointmentId" IS NULL RETURNING id)
       SELECT id FROM x`,
      [appointmentId, uploadId, documentId],
    );
    if (attached.length === 0) return false;
    const gone: { id: string }[] = await m.query(
      `WITH x AS (DELETE FROM upload WHERE "appointmentId" = $1 AND "documentId" = $2 AND id <> $3 RETURNING id)
       SELECT id FROM x`,
      [appointmentId, documentId, uploadId],
    );
    await this.storage.delete(
      gone.map((g) => g.id),
      m,
    );
    return true;
  }

  /** One upload with its bytes, whoever asks and attached or not (for tests and jobs); null when unknown. */
  async read(id: string): Promise<{ upload: UploadEntity; data: Buffer } | null> {
    if (!UUID.test(id)) return null;
    const upload = await this.ds.getRepository(UploadEntity).findOneBy({ id });
    if (!upload) return null;
    const data = await this.storage.get(id);
    return data ? { upload, data } : null;
  }
}
