/**
 * The collaboration endpoint `/collab/<documentId>` (y-websocket protocol).
 * (Placeholder: built in issue #3.)
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Config } from '../env';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';

export interface CollabServer {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Closes every connection to a document (deleted, access revoked) with `code`. */
  disconnectDocument(input: { documentId: string; code: number; reason: string }): void;
  close(): Promise<void>;
}

export function createCollabServer(_options: {
  config: Config;
  storage: Storage;
  logger: Logger;
}): CollabServer {
  return {
    handleUpgrade: (_request, socket) => socket.destroy(),
    disconnectDocument: () => {},
    close: async () => {},
  };
}
