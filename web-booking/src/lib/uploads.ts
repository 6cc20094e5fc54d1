import type { DraftUpload } from './draft';

/**
 * The rules of POST /uploads, checked here first so that nobody waits for a 10 MB upload that will be refused.
 * The server stays the authority: it detects the type from the content, not from the name.
 */
export const uploadRules = {
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 5,
  mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  extensions: ['.pdf', '.jpg', '.jpeg', '.png'],
} as const;

/** For the file input's accept attribute. */
export const acceptAttribute = [...uploadRules.mediaTypes, ...uploadRules.extensions].join(',');

/** Codes of the endpoint, plus what can go wrong on the way there. */
export type UploadErrorCode =
  | 'MISSING_FILE'
  | 'UNKNOWN_DOCUMENT'
  | 'NOT_UPLOADABLE'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_TYPE'
  | 'NOT_MULTIPART'
  | 'INVALID_MULTIPART'
  | 'MULTIPLE_FILES'
  | 'RATE_LIMITED'
  | 'TOO_MANY_FILES'
  | 'NETWORK'
  | 'UNEXPECTED';

export class UploadError extends Error {
  constructor(
    readonly code: UploadErrorCode,
    readonly retryAfterSeconds?: number,
  ) {
    super(code);
  }
}

const known = new Set<string>([
  'MISSING_FILE',
  'UNKNOWN_DOCUMENT',
  'NOT_UPLOADABLE',
  'TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'NOT_MULTIPART',
  'INVALID_MULTIPART',
  'MULTIPLE_FILES',
  'RATE_LIMITED',
]);

/** Why a file cannot be sent, or null when it may be. */
export function precheck(file: File, filesSoFar: number): UploadErrorCode | null {
  if (filesSoFar >= uploadRules.maxFiles) return 'TOO_MANY_FILES';
  if (file.size === 0) return 'MISSING_FILE';
  if (file.size > uploadRules.maxBytes) return 'TOO_LARGE';
  const name = file.name.toLowerCase();
  const typeOk = (uploadRules.mediaTypes as readonly string[]).includes(file.type);
  const extensionOk = uploadRules.extensions.some((e) => name.endsWith(e));
  // Some systems send no type at all; then the name must fit. A type that is known and wrong is refused here.
  if (file.type ? !typeOk : !extensionOk) return 'UNSUPPORTED_TYPE';
  return null;
}

/** Where the endpoint lives: beside /graphql (also when the SPA is hosted elsewhere). */
export function uploadsUrl(graphqlUrl: string | undefined = import.meta.env.VITE_GRAPHQL_URL): string {
  if (!graphqlUrl) return '/uploads';
  return new URL('uploads', new URL(graphqlUrl, window.location.href)).toString();
}

/**
 * Sends one file for one document as multipart/form-data (documentId first, then the file) and reports progress.
 * XMLHttpRequest, because fetch cannot report upload progress.
 */
export function sendUpload(
  documentId: string,
  file: File,
  onProgress: (fraction: number) => void,
): { done: Promise<DraftUpload>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<DraftUpload>((resolve, reject) => {
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      const b = body as
        | { id?: string; documentId?: string; fileName?: string; sizeBytes?: number; error?: { code?: string } }
        | undefined;
      if (xhr.status === 201 && b?.id) {
        resolve({
          id: b.id,
          documentId: b.documentId ?? documentId,
          fileName: b.fileName ?? file.name,
          sizeBytes: b.sizeBytes ?? file.size,
        });
        return;
      }
      const code = b?.error?.code;
      const retry = Number(xhr.getResponseHeader('Retry-After'));
      reject(
        new UploadError(
          code && known.has(code) ? (code as UploadErrorCode) : xhr.status === 413 ? 'TOO_LARGE' : 'UNEXPECTED',
          Number.isFinite(retry) && retry > 0 ? retry : undefined,
        ),
      );
    });
    xhr.addEventListener('error', () => reject(new UploadError('NETWORK')));
    xhr.addEventListener('abort', () => reject(new UploadError('NETWORK')));
    const form = new FormData();
    form.append('documentId', documentId);
    form.append('file', file, file.name);
    xhr.open('POST', uploadsUrl());
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}
