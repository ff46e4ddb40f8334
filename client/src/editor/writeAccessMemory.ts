/**
 * The write access the last collab token gave one person for one document, kept in
 * localStorage so a document opened offline (no token to ask for) is editable exactly when it
 * was the last time. The server checks again when the socket connects: edits a lost right
 * would drop are refused then, as for any downgraded writer.
 */

function keyOf(input: { userId: string; documentId: string }): string {
  return `clip:canWrite:${input.userId}:${input.documentId}`;
}

/** Notes the access a fresh token gave (a private window without storage: nothing kept). */
export function rememberWriteAccess(input: {
  userId: string;
  documentId: string;
  canWrite: boolean;
}): void {
  try {
    window.localStorage.setItem(keyOf(input), input.canWrite ? '1' : '0');
  } catch {
    // Storage full or refused: offline, the document then opens read-only.
  }
}

/** The access noted last; read-only when none was (never opened online in this browser). */
export function lastKnownWriteAccess(input: { userId: string; documentId: string }): boolean {
  try {
    return window.localStorage.getItem(keyOf(input)) === '1';
  } catch {
    return false;
  }
}
