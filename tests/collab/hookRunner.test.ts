/**
 * The collab hook runner (`server/collab/hooks.ts`) on its own: every stage calls hooks in
 * list order, a failing hook is logged with its name and stage and the next one still runs,
 * and authentication takes the first grant and any later refusal.
 */
import type { IncomingMessage } from 'node:http';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { ConnectionGrant } from '../../server/collab/authenticate';
import { createHookRunner, type CollabHook } from '../../server/collab/hooks';
import type { LiveDoc } from '../../server/collab/liveDoc';
import { CLOSE_CODES } from '../../shared/closeCodes';

/** Only `documentId` is read by the runner itself; hooks under test read nothing else. */
const doc = { documentId: 'doc-1' } as unknown as LiveDoc;
const request = { url: '/collab/doc-1' } as IncomingMessage;
const grant: ConnectionGrant = {
  documentId: 'doc-1',
  workspaceId: 'ws-1',
  userId: 'user-1',
  userName: 'User One',
  tokenCanWrite: true,
  sessionId: null,
  canWrite: true,
  canSuggest: false,
};

/** A real pino logger writing JSON lines into `lines`. */
function capturingLogger(lines: Array<Record<string, unknown>>) {
  return pino(
    { level: 'error' },
    { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
}

function recordingHook(name: string, calls: string[]): CollabHook {
  return {
    name,
    onAuthenticate: () => {
      calls.push(`${name}:authenticate`);
      return Promise.resolve(null);
    },
    onLoad: async () => {
      // An awaited stage: the next hook must not start before this one finished.
      await new Promise((resolve) => setTimeout(resolve, 5));
      calls.push(`${name}:load`);
    },
    onChange: ({ origin }) => void calls.push(`${name}:change:${origin}`),
    onStore: ({ count }) => void calls.push(`${name}:store:${count}`),
    onUnload: async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      calls.push(`${name}:unload`);
    },
  };
}

describe('collab hook runner', () => {
  it('runs every stage in list order, awaiting load and unload hooks one after the other', async () => {
    const calls: string[] = [];
    const granting: CollabHook = {
      name: 'granting',
      onAuthenticate: () => Promise.resolve({ isAllowed: true, grant }),
    };
    const runner = createHookRunner({
      hooks: [recordingHook('a', calls), granting, recordingHook('b', calls), { name: 'empty' }],
      logger: capturingLogger([]),
    });
    await expect(runner.authenticate(request)).resolves.toEqual({ isAllowed: true, grant });
    await runner.load({ doc });
    runner.change({ doc, update: new Uint8Array(), origin: 'peer', userId: 'user-1' });
    runner.change({ doc, update: new Uint8Array(), origin: 'relay', userId: null });
    runner.store({ doc, count: 3 });
    await runner.unload({ doc });
    expect(calls).toEqual([
      'a:authenticate',
      'b:authenticate',
      'a:load',
      'b:load',
      'a:change:peer',
      'b:change:peer',
      'a:change:relay',
      'b:change:relay',
      'a:store:3',
      'b:store:3',
      'a:unload',
      'b:unload',
    ]);
  });

  it('logs a failing hook with its name and stage and still runs the next one', async () => {
    const calls: string[] = [];
    const lines: Array<Record<string, unknown>> = [];
    const failing: CollabHook = {
      name: 'failing',
      onLoad: () => Promise.reject(new Error('load failed')),
      onChange: () => {
        throw new Error('change failed');
      },
      onStore: () => {
        throw new Error('store failed');
      },
      onUnload: () => {
        throw new Error('unload failed');
      },
    };
    const runner = createHookRunner({
      hooks: [failing, recordingHook('after', calls)],
      logger: capturingLogger(lines),
    });
    await runner.load({ doc });
    runner.change({ doc, update: new Uint8Array(), origin: 'server', userId: null });
    runner.change({ doc, update: new Uint8Array(), origin: 'server', userId: null });
    runner.store({ doc, count: 1 });
    await runner.unload({ doc });
    expect(calls).toEqual([
      'after:load',
      'after:change:server',
      'after:change:server',
      'after:store:1',
      'after:unload',
    ]);
    // One line per hook and stage: the second change failure within the window is counted, not logged.
    expect(lines.map((line) => [line.hook, line.stage, line.documentId, line.msg])).toEqual([
      ['failing', 'load', 'doc-1', 'collab hook failed'],
      ['failing', 'change', 'doc-1', 'collab hook failed'],
      ['failing', 'store', 'doc-1', 'collab hook failed'],
      ['failing', 'unload', 'doc-1', 'collab hook failed'],
    ]);
  });

  it('authenticates with the first grant, lets a later hook refuse, and refuses on a throw', async () => {
    const grantAll: CollabHook = {
      name: 'grant',
      onAuthenticate: () => Promise.resolve({ isAllowed: true, grant }),
    };
    let seenGrant: ConnectionGrant | null = null;
    const readOnlyDay: CollabHook = {
      name: 'read-only-day',
      onAuthenticate: ({ grant: earlier }) => {
        seenGrant = earlier;
        return Promise.resolve({ isAllowed: false, code: CLOSE_CODES.forbidden, reason: 'closed' });
      },
    };
    const logger = capturingLogger([]);
    const refused = await createHookRunner({ hooks: [grantAll, readOnlyDay], logger }).authenticate(
      request,
    );
    expect(refused).toEqual({ isAllowed: false, code: CLOSE_CODES.forbidden, reason: 'closed' });
    expect(seenGrant).toEqual(grant);

    const nobody = await createHookRunner({ hooks: [{ name: 'none' }], logger }).authenticate(
      request,
    );
    expect(nobody).toMatchObject({ isAllowed: false, code: CLOSE_CODES.unauthenticated });

    const throwing: CollabHook = {
      name: 'throwing',
      onAuthenticate: () => Promise.reject(new Error('storage down')),
    };
    const failed = await createHookRunner({ hooks: [throwing, grantAll], logger }).authenticate(
      request,
    );
    expect(failed).toEqual({ isAllowed: false, code: 1011, reason: 'internal error' });
  });
});
