/**
 * DOCX → HTML with mammoth, after the archive passed `inspectZip` (size, zip bomb) and the
 * macro check. Images stored in the file are kept as inline data when they are PNG, JPEG or
 * GIF; images the file only links to (an external address Word would fetch) are dropped, and
 * mammoth is told never to read external files.
 */
import mammoth from 'mammoth';
import { corruptFile, macrosNotAllowed } from './importErrors';
import { inspectZip, type ZipEntry } from './zipInspection';

const RASTER_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif']);

/** Word's parts that only macro-enabled documents carry. */
function hasMacros(entries: ZipEntry[]): boolean {
  return entries.some((entry) => /(^|\/)vbaProject\.bin$|(^|\/)vbaData\.xml$/i.test(entry.name));
}

/** The DOCX's body as HTML (unsanitised: `htmlToDocument` sanitises). */
export async function docxToHtml(
  file: Buffer,
  limits: { maxUncompressedBytes: number },
): Promise<string> {
  const entries = await inspectZip(file, limits);
  if (hasMacros(entries)) throw macrosNotAllowed();
  if (!entries.some((entry) => entry.name === 'word/document.xml')) {
    throw corruptFile('it is not a Word document');
  }
  try {
    const result = await mammoth.convertToHtml(
      { buffer: file },
      {
        externalFileAccess: false,
        convertImage: mammoth.images.imgElement(async (image) => {
          if (!RASTER_TYPES.has(image.contentType)) return { src: '' };
          try {
            return { src: `data:${image.contentType};base64,${await image.readAsBase64String()}` };
          } catch {
            // A linked (external) image has no data in the file: drop it.
            return { src: '' };
          }
        }),
      },
    );
    return result.value;
  } catch {
    throw corruptFile('it is not a readable Word document');
  }
}
