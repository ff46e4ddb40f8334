/**
 * The errors an upload can end in, one stable code each (documented in docs/API.md), so the
 * client can tell "too big" from "not a Word file" from "damaged".
 */
import { AppError } from '../errors';

/** 413 `file_too_large`: the upload is bigger than IMPORT_MAX_BYTES. */
export function fileTooLarge(maxBytes: number): AppError {
  return new AppError({
    status: 413,
    code: 'file_too_large',
    message: `The file is larger than ${formatBytes(maxBytes)}.`,
  });
}

/** 413 `archive_too_large`: a DOCX that unpacks to more than allowed (a zip bomb, or huge). */
export function archiveTooLarge(maxBytes: number): AppError {
  return new AppError({
    status: 413,
    code: 'archive_too_large',
    message: `The Word file unpacks to more than ${formatBytes(maxBytes)}.`,
  });
}

/** 413 `document_too_large`: the imported content is bigger than one document may be. */
export function documentTooLarge(): AppError {
  return new AppError({
    status: 413,
    code: 'document_too_large',
    message: 'The imported content is larger than a document may be.',
  });
}

/** 415 `unsupported_file_type`: neither a .docx nor a Markdown file. */
export function unsupportedFileType(): AppError {
  return new AppError({
    status: 415,
    code: 'unsupported_file_type',
    message: 'Only Word (.docx) and Markdown (.md) files can be imported.',
  });
}

/** 415 `macros_not_allowed`: a macro-enabled Word file (.docm, or a .docx carrying VBA). */
export function macrosNotAllowed(): AppError {
  return new AppError({
    status: 415,
    code: 'macros_not_allowed',
    message: 'Word files with macros cannot be imported. Save it as a .docx without macros.',
  });
}

/** 422 `corrupt_file`: the file is not what its name says, or is damaged. */
export function corruptFile(detail: string): AppError {
  return new AppError({
    status: 422,
    code: 'corrupt_file',
    message: `The file cannot be read: ${detail}.`,
  });
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
    : `${Math.round(bytes / 1024)} KB`;
}
