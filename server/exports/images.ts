/**
 * Images for the binary exports. Only images stored inline in the document (data: URIs of
 * PNG, JPEG or GIF) are embedded: fetching a web address named by document content would let
 * any editor make the server request internal addresses (SSRF), so web images are exported
 * as a link instead.
 */
import { safeImageSrc } from '../../shared/editor/imageSrc';

/** An inline image ready to embed, with its size in pixels. */
export interface EmbeddableImage {
  type: 'png' | 'jpg' | 'gif';
  data: Buffer;
  width: number;
  height: number;
}

/** Size used when the header cannot be read (an embedded image is still shown). */
const FALLBACK_SIZE = { width: 400, height: 300 };

const INLINE_IMAGE = /^data:image\/(png|jpeg|gif);base64,([A-Za-z0-9+/=\s]+)$/i;

/** The inline image of `src`, or null for web addresses, unsafe or unreadable data. */
export function embeddableImage(src: unknown): EmbeddableImage | null {
  const safe = safeImageSrc(src);
  const match = safe ? INLINE_IMAGE.exec(safe) : null;
  if (!match?.[1] || !match[2]) return null;
  const type =
    match[1].toLowerCase() === 'jpeg' ? 'jpg' : (match[1].toLowerCase() as 'png' | 'gif');
  const data = Buffer.from(match[2], 'base64');
  if (data.length === 0) return null;
  return { type, data, ...(imageSize(type, data) ?? FALLBACK_SIZE) };
}

/** Width and height from the image header (PNG IHDR, GIF screen, JPEG SOFn), or null. */
export function imageSize(
  type: EmbeddableImage['type'],
  data: Buffer,
): { width: number; height: number } | null {
  if (type === 'png' && data.length >= 24) {
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (type === 'gif' && data.length >= 10) {
    return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (type === 'jpg') return jpegSize(data);
  return null;
}

/** Walks the JPEG segments to the first start-of-frame marker. */
function jpegSize(data: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return null;
    const marker = data[offset + 1] ?? 0;
    const length = data.readUInt16BE(offset + 2);
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker);
    if (isStartOfFrame) {
      return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

/** `size` scaled down (never up) to fit `maxWidth`, keeping its proportions. */
export function fitWidth(
  size: { width: number; height: number },
  maxWidth: number,
): { width: number; height: number } {
  if (size.width <= maxWidth || size.width === 0) return size;
  const scale = maxWidth / size.width;
  return { width: Math.round(maxWidth), height: Math.max(1, Math.round(size.height * scale)) };
}
