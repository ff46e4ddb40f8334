/**
 * Reads one uploaded file from a multipart request (multer, in memory: nothing is written to
 * disk, so an aborted or refused upload leaves no file behind). Called inside a handler after
 * the caller is authorized, so nobody can make the server read an upload it would refuse
 * anyway. Multer's errors become the API's codes.
 */
import type { Request, Response } from 'express';
import { AppError, ValidationError } from '../errors';
import { fileTooLarge } from '../imports/importErrors';
import { lazyImport } from '../lazyImport';

/** Multer loads with the first upload, not at startup (docs/PERFORMANCE.md, "Idle memory"). */
const loadMulter = lazyImport(async () => (await import('multer')).default);
type Multer = Awaited<ReturnType<typeof loadMulter>>;

/** The uploaded file (its bytes in memory) and the text fields sent with it. */
export interface ReceivedUpload {
  file: { originalName: string; buffer: Buffer; size: number } | null;
  fields: Record<string, unknown>;
}

/**
 * Parses `req` as multipart with at most one file, in field `field`, of at most `maxBytes`.
 * Throws 413 `file_too_large`, or 400 `bad_request` for malformed multipart or extra files.
 */
export async function receiveSingleFile(
  req: Request,
  res: Response,
  options: { field: string; maxBytes: number },
): Promise<ReceivedUpload> {
  const multer = await loadMulter();
  const upload = multer({
    storage: multer.memoryStorage(),
    // File names in UTF-8 (browsers send them so), not busboy's latin1 default.
    defParamCharset: 'utf8',
    limits: { fileSize: options.maxBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12 },
  }).single(options.field);
  await new Promise<void>((resolve, reject) => {
    upload(req, res, (error: unknown) =>
      error ? reject(translate(multer, error, options.maxBytes)) : resolve(),
    );
  });
  const file = req.file;
  return {
    file: file ? { originalName: file.originalname, buffer: file.buffer, size: file.size } : null,
    fields: { ...(req.body as Record<string, unknown> | undefined) },
  };
}

function translate(multer: Multer, error: unknown, maxBytes: number): AppError {
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE') return fileTooLarge(maxBytes);
    return new ValidationError(
      `The upload was refused: ${error.message}.`,
      undefined,
      'bad_request',
    );
  }
  return new ValidationError(
    'The upload could not be read as multipart form data.',
    undefined,
    'bad_request',
  );
}
