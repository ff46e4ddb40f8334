/**
 * Request/answer over a child process's IPC channel, shared by the coordinator and the
 * server children: every request carries an id and gets exactly one answer with that id.
 */

/** A request the coordinator sends to a server child. */
export type ServerRequest =
  | { type: 'seed'; users: number; documents: number }
  | { type: 'seedHistory'; documentId: string; edits: number }
  | { type: 'countUpdates'; documentId: string }
  /** One signed-in account with one document holding `textChars` of plain text (flood soak). */
  | { type: 'seedLargeDocument'; textChars: number }
  | { type: 'stats' }
  | { type: 'resetPeakRss' }
  /** Starts the measured window: resets the event-loop monitor, starts profiling if asked. */
  | { type: 'profileStart' }
  | { type: 'profileStop'; label: string }
  | { type: 'stop' };

export interface SeedAnswer {
  userIds: string[];
  documentIds: string[];
}

/** Answer to `seedLargeDocument`: the session cookie to connect with and the document. */
export interface LargeDocumentAnswer {
  cookie: string;
  workspaceId: string;
  documentId: string;
}

export interface Envelope<T> {
  id: number;
  body: T;
}

/** Answer envelope; `error` is set when the child failed to serve the request. */
export interface AnswerEnvelope {
  id: number;
  body?: unknown;
  error?: string;
}

/** Serves requests in a child: `handler` answers each one (or throws). */
export function serveRequests(handler: (request: ServerRequest) => Promise<unknown>): void {
  process.on('message', (message: Envelope<ServerRequest>) => {
    handler(message.body)
      .then((body) => process.send?.({ id: message.id, body } satisfies AnswerEnvelope))
      .catch((error: unknown) =>
        process.send?.({
          id: message.id,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        } satisfies AnswerEnvelope),
      );
  });
}
