/**
 * Errors raised before GraphQL sees a request (body parsing) or outside it (routing, static files), answered as
 * JSON whatever NODE_ENV says: never Express's HTML page, never a stack trace.
 */
import type { ErrorRequestHandler } from 'express';
import { ErrorCode, INTERNAL_MESSAGE, logUnexpected } from '../graphql/errors.js';
import type { Logger } from '../logger.js';

type HttpError = { status?: number; statusCode?: number; type?: string };

const statusOf = (err: unknown): number => {
  const e = err as HttpError | undefined;
  const status = e?.status ?? e?.statusCode ?? 500;
  return status >= 400 && status < 600 ? status : 500;
};

/** The code and message of a body-parser refusal (client errors only); null for anything else. */
function bodyRefusal(err: unknown, limit: string): { status: number; code: ErrorCode; message: string } | null {
  const status = statusOf(err);
  if (status >= 500) return null;
  switch ((err as HttpError).type) {
    case 'entity.parse.failed':
      return { status: 400, code: ErrorCode.BadRequest, message: 'The request body is not valid JSON.' };
    case 'entity.too.large':
      return { status: 413, code: ErrorCode.PayloadTooLarge, message: `The request body is larger than ${limit}.` };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        status: 415,
        code: ErrorCode.UnsupportedMediaType,
        message: 'Send the body as UTF-8 JSON (no other charset or content encoding).',
      };
    default:
      return { status: 400, code: ErrorCode.BadRequest, message: 'The request body could not be read.' };
  }
}

/** For /graphql: body errors in the GraphQL-over-HTTP shape `{ "errors": [{ message, extensions: { code } }] }`. */
export function graphqlBodyErrors(log: Logger, limit: string): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const refusal = bodyRefusal(err, limit);
    if (refusal) {
      res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
      return;
    }
    const correlationId = logUnexpected(log, err);
    res
      .status(500)
      .json({ errors: [{ message: INTERNAL_MESSAGE, extensions: { code: ErrorCode.Internal, correlationId } }] });
  };
}

/** The last handler of the app: other routes answer `{ "error": { code, message } }` as the upload endpoint does. */
export function lastErrorHandler(log: Logger): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const status = statusOf(err);
    if (status === 404) {
      res.status(404).json({ error: { code: ErrorCode.NotFound, message: 'Not found.' } });
      return;
    }
    if (status < 500) {
      res.status(status).json({ error: { code: ErrorCode.BadRequest, message: 'The request could not be read.' } });
      return;
    }
    const correlationId = logUnexpected(log, err);
    res.status(500).json({ error: { code: ErrorCode.Internal, message: INTERNAL_MESSAGE, correlationId } });
  };
}
