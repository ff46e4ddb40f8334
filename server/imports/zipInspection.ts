/**
 * Looks inside a ZIP file (a DOCX) before any library unpacks it, so a zip bomb is refused
 * without ever being unpacked in full. The sizes an archive declares can lie, so every entry
 * is actually inflated here with a hard cap on its output (`maxOutputLength`): the sum of
 * the real sizes, across entries that may even overlap, never exceeds the budget.
 */
import { promisify } from 'node:util';
import { inflateRaw, type InputType, type ZlibOptions } from 'node:zlib';
import { archiveTooLarge, corruptFile } from './importErrors';

const inflateRawAsync = promisify<InputType, ZlibOptions, Buffer>(inflateRaw);

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const MAX_END_RECORD_SEARCH = 22 + 0xffff;
const STORED = 0;
const DEFLATED = 8;
/** More entries than any real document has; beyond it the archive is refused. */
const MAX_ENTRIES = 5000;

/** One file of the archive, as its central directory lists it. */
export interface ZipEntry {
  name: string;
  method: number;
  isEncrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The central directory's entries; throws `corrupt_file` when the archive is malformed. */
export function readCentralDirectory(zip: Buffer): ZipEntry[] {
  const searchFrom = Math.max(0, zip.length - MAX_END_RECORD_SEARCH);
  let end = -1;
  for (let offset = zip.length - 22; offset >= searchFrom; offset -= 1) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw corruptFile('it is not a ZIP archive');
  const count = zip.readUInt16LE(end + 10);
  const directoryOffset = zip.readUInt32LE(end + 16);
  // ZIP64 (markers 0xffff / 0xffffffff) is for archives far beyond any upload we accept.
  if (count === 0xffff || directoryOffset === 0xffffffff) throw corruptFile('ZIP64 archive');
  if (count > MAX_ENTRIES) throw corruptFile('too many files in the archive');

  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
      throw corruptFile('damaged ZIP directory');
    }
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    entries.push({
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
      isEncrypted: (zip.readUInt16LE(offset + 8) & 1) === 1,
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      uncompressedSize: zip.readUInt32LE(offset + 24),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The compressed bytes of `entry`, found through its local header. */
function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const header = entry.localHeaderOffset;
  if (header + 30 > zip.length || zip.readUInt32LE(header) !== LOCAL_FILE_HEADER) {
    throw corruptFile('damaged ZIP entry');
  }
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const endOfData = start + entry.compressedSize;
  if (endOfData > zip.length) throw corruptFile('truncated ZIP entry');
  return zip.subarray(start, endOfData);
}

/**
 * Checks that `zip` unpacks to at most `maxUncompressedBytes` in total, really inflating each
 * entry under that cap, and returns its entries. Throws 413 `archive_too_large` or 422
 * `corrupt_file`.
 */
export async function inspectZip(
  zip: Buffer,
  limits: { maxUncompressedBytes: number },
): Promise<ZipEntry[]> {
  const entries = readCentralDirectory(zip);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.maxUncompressedBytes) throw archiveTooLarge(limits.maxUncompressedBytes);

  let remaining = limits.maxUncompressedBytes;
  for (const entry of entries) {
    if (entry.isEncrypted) throw corruptFile('the file is encrypted');
    const data = entryData(zip, entry);
    let size: number;
    if (entry.method === STORED) {
      size = data.length;
    } else if (entry.method === DEFLATED) {
      size = await inflatedSize(data, remaining, limits.maxUncompressedBytes);
    } else {
      throw corruptFile('unknown ZIP compression');
    }
    if (size !== entry.uncompressedSize) throw corruptFile('ZIP sizes do not match');
    remaining -= size;
    if (remaining < 0) throw archiveTooLarge(limits.maxUncompressedBytes);
  }
  return entries;
}

async function inflatedSize(data: Buffer, remaining: number, max: number): Promise<number> {
  try {
    // One byte over the budget is enough to know it is over.
    const output = await inflateRawAsync(data, { maxOutputLength: Math.max(1, remaining + 1) });
    if (output.length > remaining) throw archiveTooLarge(max);
    return output.length;
  } catch (error) {
    if (
      error instanceof RangeError ||
      (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE'
    ) {
      throw archiveTooLarge(max);
    }
    if (error instanceof Error && 'status' in error) throw error;
    throw corruptFile('damaged compressed data');
  }
}
