/**
 * One WebSocket on `/collab/<documentId>`, after authentication: joins the live document,
 * runs the initial sync, and passes every incoming message through a fixed pipeline —
 * size cap → budget → decode (validated, nothing applied yet) → permission → apply.
 * Awareness frames have their own budget (`awarenessInbox.ts`) whose excess is dropped, not
 * punished; every other message counts toward the token bucket that closes with 4429.
 * Any failure closes only this connection, with a close code from `shared/closeCodes.ts`,
 * logged once.
 */
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CLOSE_CODES, CLOSE_REASONS } from '../../shared/closeCodes';
import type { Logger } from '../logger';
import type { ConnectionGrant } from './authenticate';
import { createAwarenessInbox } from './awarenessInbox';
import { DocTooLargeError, type DocPeer, type LiveDoc } from './liveDoc';
import type { CollabOptions } from './options';
import {
  assertDecodableUpdate,
  decodeIncoming,
  EMPTY_UPDATE,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep1FromVector,
  encodeSyncStep2,
  encodeSyncStep2FromUpdate,
  MESSAGE_AWARENESS,
  mergeStateVectors,
  ProtocolError,
  type IncomingMessage,
} from './protocol';
import { createTokenBucket } from './rateLimit';
import { createSyncStep1Limiter } from './syncStep1Limiter';

const WS_OPEN = 1;
/** Standard "try again later": a client too slow to read its messages is dropped and resyncs. */
const TRY_AGAIN_LATER = 1013;
const INTERNAL_ERROR = 1011;

/** A joined connection, as the collab server and the access watcher see it. */
export interface CollabConnection extends DocPeer {
  readonly documentId: string;
  readonly tokenCanWrite: boolean;
  /** The sign-in session the token was issued under; the connection ends with it. */
  readonly sessionId: string | null;
  /** Whether this connection's document updates are applied (re-evaluated periodically). */
  canWrite: boolean;
  /**
   * When it may not write: whether its updates may still add its own suggestions (reviewers;
   * `suggestGuard.ts`). Re-evaluated with `canWrite`.
   */
  canSuggest: boolean;
  /** Cleared on each ping, set by the pong: a connection that stays false is dead. */
  isAlive: boolean;
  readonly ws: WebSocket;
  /** Closes with `code` (idempotent); logs once. */
  close(code: number, reason: string): void;
}

export function attachConnection(input: {
  ws: WebSocket;
  grant: ConnectionGrant;
  doc: LiveDoc;
  options: CollabOptions;
  logger: Logger;
  /** Called once, when the socket is closed (by either side). */
  onClosed: (connection: CollabConnection) => void;
}): CollabConnection {
  const { ws, grant, doc, options, logger } = input;
  const bucket = createTokenBucket({
    ratePerSecond: options.messagesPerSecond,
    burst: options.messageBurst,
  });
  let isClosing = false;
  /** Set when this connection was sent the document's stored state before the server built it. */
  let hasColdState = false;

  const connection: CollabConnection = {
    userId: grant.userId,
    userName: grant.userName,
    documentId: grant.documentId,
    tokenCanWrite: grant.tokenCanWrite,
    sessionId: grant.sessionId,
    canWrite: grant.canWrite,
    canSuggest: grant.canSuggest,
    isAlive: true,
    awarenessIds: new Set<number>(),
    ws,
    send(message) {
      if (ws.readyState !== WS_OPEN) return;
      // Never let one stalled reader grow the server's memory without bound.
      if (ws.bufferedAmount > options.maxBufferedBytes) {
        connection.close(TRY_AGAIN_LATER, 'client is not reading its messages');
        return;
      }
      ws.send(message);
    },
    close(code, reason) {
      if (isClosing) return;
      isClosing = true;
      awarenessInbox.dispose();
      doc.removePeer(connection);
      // Hostile or overloaded clients are worth a warning; access changes and shutdown are routine.
      const level = code === CLOSE_CODES.goingAway ? 'debug' : isAbuse(code) ? 'warn' : 'info';
      logger[level](
        { documentId: grant.documentId, userId: grant.userId, code, reason },
        'collab connection closed by server',
      );
      // A close reason is at most 123 bytes of UTF-8, or `ws` throws: keep it short ASCII.
      ws.close(code, reason.replace(/[^\x20-\x7e]/g, '?').slice(0, 120));
    },
  };

  /**
   * Step 2 for this client. A client that was sent the cold state has it (the socket is
   * ordered), though its step 1 was written before: don't send it all again.
   */
  const answerSyncStep1 = (stateVector: Uint8Array): Uint8Array => {
    if (!hasColdState) return encodeSyncStep2(doc.ydoc, stateVector);
    if (!doc.isHydrated()) return encodeSyncStep2FromUpdate(EMPTY_UPDATE);
    const stored = doc.storedStateVector();
    return encodeSyncStep2(doc.ydoc, stored ? mergeStateVectors(stateVector, stored) : stateVector);
  };

  const step1Limiter = createSyncStep1Limiter({
    burst: options.syncStep1Burst,
    ratePerSecond: options.syncStep1PerSecond,
    answer: (stateVector) => {
      if (!isClosing) connection.send(answerSyncStep1(stateVector));
    },
  });

  const handle = (message: IncomingMessage): void => {
    switch (message.type) {
      case 'sync-step1':
        step1Limiter.request(message.stateVector);
        return;
      case 'sync-update':
        // Read-only connections may sync down but their changes are dropped, not applied;
        // a malformed one still closes the connection, as it would for a writer.
        if (connection.canWrite) {
          doc.applyUpdate(message.update, connection);
          return;
        }
        // Reviewers: only their own suggestions pass; anything else is refused and healed.
        if (connection.canSuggest) {
          const verdict = doc.applySuggestOnlyUpdate(message.update, connection);
          if (verdict !== 'accept') {
            logger.debug(
              { documentId: grant.documentId, userId: grant.userId, verdict },
              'suggest-only update refused',
            );
          }
          return;
        }
        assertDecodableUpdate(message.update);
        return;
      case 'awareness': {
        const dropped = doc.applyAwareness(connection, message.entries);
        if (Object.keys(dropped).length > 0) {
          logger.debug(
            { documentId: grant.documentId, userId: grant.userId, dropped },
            'awareness entries dropped',
          );
        }
        return;
      }
      case 'query-awareness':
        sendAwarenessStates(connection, doc);
        return;
    }
  };

  /** Decodes, checks and applies one message; a failure closes this connection. */
  const processMessage = (bytes: Uint8Array): void => {
    if (isClosing) return;
    try {
      handle(decodeIncoming(bytes));
    } catch (error) {
      if (error instanceof DocTooLargeError) {
        connection.close(CLOSE_CODES.tooLarge, error.message);
        return;
      }
      const reason = error instanceof ProtocolError ? error.message : 'update could not be applied';
      if (!(error instanceof ProtocolError)) {
        logger.warn(
          { err: error, documentId: grant.documentId },
          'applying a client message failed',
        );
      }
      connection.close(CLOSE_CODES.badMessage, `bad message: ${reason}`);
    }
  };

  const awarenessInbox = createAwarenessInbox({
    ratePerSecond: options.awarenessPerSecond,
    burst: options.awarenessBurst,
    deliver: processMessage,
    onDropped: (reason) => {
      logger.debug(
        { documentId: grant.documentId, userId: grant.userId, reason },
        'awareness frame dropped',
      );
    },
  });

  ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
    if (isClosing) return;
    const bytes = toBytes(data);
    if (bytes.byteLength > options.maxMessageBytes) {
      connection.close(CLOSE_CODES.tooLarge, CLOSE_REASONS.messageTooLarge);
      return;
    }
    // The type is a varUint; awareness (1) is the single byte 0x01 in any honest encoding.
    if (bytes[0] === MESSAGE_AWARENESS) {
      awarenessInbox.receive(bytes);
      return;
    }
    if (!bucket.take()) {
      connection.close(CLOSE_CODES.rateLimited, 'too many messages');
      return;
    }
    processMessage(bytes);
  });
  ws.on('pong', () => {
    connection.isAlive = true;
  });
  ws.on('error', (error) => {
    logger.debug({ err: error, documentId: grant.documentId }, 'collab socket error');
  });
  ws.once('close', () => {
    isClosing = true;
    awarenessInbox.dispose();
    step1Limiter.dispose();
    doc.removePeer(connection);
    input.onClosed(connection);
  });

  doc.addPeer(connection);
  const coldState = doc.coldState();
  if (coldState) {
    // Cold open: the client gets the stored state as is, then (once the bytes have left) the
    // server asks for what the client has (step 1), with the snapshot's stored vector. The
    // server builds its own copy (100–375 ms for a large document, a stall for every document
    // on the process) only once something must be applied to it: readers who change nothing,
    // whose answer is the snapshot's own deletions, never cost it (docs/COLLAB.md).
    hasColdState = true;
    connection.send(encodeSyncStep2FromUpdate(coldState));
    sendAwarenessStates(connection, doc);
    whenDrained(ws, () => {
      if (isClosing) return;
      try {
        const vector = doc.isHydrated() ? null : doc.storedStateVector();
        connection.send(vector ? encodeSyncStep1FromVector(vector) : encodeSyncStep1(doc.ydoc));
      } catch (error) {
        logger.error({ err: error, documentId: grant.documentId }, 'building the document failed');
        connection.close(INTERNAL_ERROR, 'document could not be loaded');
      }
    });
    return connection;
  }
  connection.send(encodeSyncStep1(doc.ydoc));
  sendAwarenessStates(connection, doc);
  return connection;
}

/** Runs `then` once the socket's queued output has been handed to the kernel (or after 2 s). */
function whenDrained(ws: WebSocket, then: () => void): void {
  const deadline = Date.now() + 2000;
  const check = (): void => {
    if (ws.bufferedAmount === 0 || Date.now() > deadline) then();
    else setTimeout(check, 2);
  };
  setImmediate(check);
}

function isAbuse(code: number): boolean {
  return (
    code === CLOSE_CODES.badMessage ||
    code === CLOSE_CODES.tooLarge ||
    code === CLOSE_CODES.rateLimited
  );
}

function sendAwarenessStates(connection: CollabConnection, doc: LiveDoc): void {
  const states = doc.awareness.getStates();
  if (states.size === 0) return;
  const update = awarenessProtocol.encodeAwarenessUpdate(doc.awareness, [...states.keys()]);
  connection.send(encodeAwarenessMessage(update));
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
