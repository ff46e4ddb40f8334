/**
 * What the server says storage holds of a document (`doc:stored`, sent after its writes and
 * right after `presence:open`): the state vector, client id → clock. The editor compares its
 * own client id's clock with it to say "Saved" only for edits that are durable.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { DocStored } from '../../../shared/realtime/events';
import { mergeStoredVectors } from '../../../shared/realtime/storedVector';
import { useRealtimeSocket } from './RealtimeContext';

/** Decodes the base64 `Y.encodeStateVector` of a notice; null when it is malformed. */
function decodeStored(stateVector: string): Map<number, number> | null {
  try {
    const bytes = Uint8Array.from(atob(stateVector), (char) => char.charCodeAt(0));
    return Y.decodeStateVector(bytes);
  } catch {
    return null;
  }
}

/**
 * What storage holds of `documentId` as far as the notices tell (merged over every notice: each
 * server process reports what it wrote), or null until the server has sent one.
 */
export function useStoredStateVector(documentId: string): Map<number, number> | null {
  const socket = useRealtimeSocket();
  // Tagged with its document, so a notice for the previous one is never read for this one.
  const [stored, setStored] = useState<{ documentId: string; vector: Map<number, number> } | null>(
    null,
  );

  useEffect(() => {
    if (!socket) return;
    const onStored = (notice: DocStored) => {
      if (notice.documentId !== documentId) return;
      const vector = decodeStored(notice.stateVector);
      if (!vector) return;
      setStored((known) => ({
        documentId,
        vector: mergeStoredVectors(known?.documentId === documentId ? known.vector : null, vector),
      }));
    };
    socket.on('doc:stored', onStored);
    return () => {
      socket.off('doc:stored', onStored);
    };
  }, [socket, documentId]);

  return stored?.documentId === documentId ? stored.vector : null;
}
