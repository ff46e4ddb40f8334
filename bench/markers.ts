/**
 * Edit markers: each benchmark edit inserts `~<writer>.<seq>.<sentAtMicros>~` (base 36) into
 * the shared text. Yjs keeps inserted strings verbatim inside update messages, so a lean
 * observer finds the markers by scanning the raw bytes — no Y.Doc, no decoding — and the
 * fan-out latency is simply `now - sentAt` on the one machine clock.
 */

const TILDE = 0x7e;
const MARKER_BODY = /^([0-9a-z]+)\.([0-9a-z]+)\.([0-9a-z]+)$/;

/** Microseconds on a clock shared by every process of the run (wall clock, sub-ms). */
export function nowMicros(): number {
  return Math.round((performance.timeOrigin + performance.now()) * 1000);
}

/** The text a writer inserts for one edit. */
export function encodeMarker(input: {
  writerId: number;
  seq: number;
  sentAtMicros: number;
}): string {
  return `~${input.writerId.toString(36)}.${input.seq.toString(36)}.${input.sentAtMicros.toString(36)}~`;
}

export interface Marker {
  writerId: number;
  seq: number;
  sentAtMicros: number;
}

/** Every marker in a raw message, in order. Invalid candidates are skipped, not trusted. */
export function scanMarkers(bytes: Uint8Array): Marker[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: Marker[] = [];
  let start = buffer.indexOf(TILDE);
  while (start !== -1) {
    const end = buffer.indexOf(TILDE, start + 1);
    if (end === -1) break;
    const match =
      end - start < 40 ? MARKER_BODY.exec(buffer.toString('latin1', start + 1, end)) : null;
    if (!match) {
      start = end;
      continue;
    }
    found.push({
      writerId: parseInt(match[1] as string, 36),
      seq: parseInt(match[2] as string, 36),
      sentAtMicros: parseInt(match[3] as string, 36),
    });
    start = buffer.indexOf(TILDE, end + 1);
  }
  return found;
}
