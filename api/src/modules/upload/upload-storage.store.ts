import type { DataSource, EntityManager } from 'typeorm';

/**
 * Where the bytes of uploads live, keyed by the upload's id (never by the citizen's file name). Every api
 * process must see the same store. The metadata row in `upload` is the source of truth; a store only holds bytes.
 */
export interface UploadStorage {
  /**
   * Stores the bytes of a new upload. `manager` is the transaction that inserts the metadata row: a store that
   * lives in PostgreSQL writes in it, so both are committed or neither; an external store ignores it.
   */
  put(id: string, data: Buffer, manager?: EntityManager): Promise<void>;
  /** The bytes, or null when the store has none for this id. */
  get(id: string): Promise<Buffer | null>;
  /**
   * Removes the bytes of uploads whose metadata rows were deleted. Unknown ids are ignored. Needed by stores
   * outside PostgreSQL (object storage); the PostgreSQL store's rows already went with ON DELETE CASCADE.
   */
  delete(ids: string[], manager?: EntityManager): Promise<void>;
}

/** The default store: a `bytea` row in `upload_blob` per upload, removed with its `upload` row. */
export class PostgresUploadStorage implements UploadStorage {
  constructor(private readonly ds: DataSource) {}

  async put(id: string, data: Buffer, manager?: EntityManager): Promise<void> {
    await (manager ?? this.ds.manager).query('INSERT INTO upload_blob ("uploadId", data) VALUES ($1, $2)', [id, data]);
  }

  async get(id: string): Promise<Buffer | null> {
    const rows: { data: Buffer }[] = await this.ds.query('SELECT data FROM upload_blob WHERE "uploadId" = $1', [id]);
    return rows[0]?.data ?? null;
  }

  async delete(ids: string[], manager?: EntityManager): Promise<void> {
    if (ids.length === 0) return;
    // Normally a no-op (the cascade was first); kept explicit so the method means the same for every store.
    await (manager ?? this.ds.manager).query('DELETE FROM upload_blob WHERE "uploadId" = ANY($1::uuid[])', [ids]);
  }
}
