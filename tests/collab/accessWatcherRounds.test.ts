/**
 * The rounds of the access re-check of open collab connections
 * (`server/collab/accessWatcher.ts`) over real SQLite: a round whose storage reads fail is
 * logged and the next one still applies the revocation, a document whose reads fail is logged
 * with its id while the others are re-checked, a re-check asked for during a round waits for
 * it, a round over many documents yields between slices, and the periodic round keeps running
 * after failed and idle rounds (issue 8: it stopped for ever) until it is stopped. What each
 * revocation does to a connection: `accessWatcher.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import type { Storage } from '../../server/storage/types';
import { CLOSE_CODES } from '../../shared/closeCodes';
import { buildDocument, buildUser } from '../helpers/factories';
import { roundFailed, useAccessWatcherWorld, type TestConnection } from './accessWatcherHelpers';
import { sleep, waitFor } from './helpers';

let storage: Storage;
const { logged, watch, world, flakyStorage, failures, setRole } = useAccessWatcherWorld(
  (opened) => {
    storage = opened;
  },
);

describe('access watcher: its rounds', () => {
  it('logs a round whose storage reads fail, and the next round still applies the revocation', async () => {
    const { editor, workspace, document } = await world();
    const { flaky, failing } = flakyStorage();
    const { watcher, connect } = watch(60_000, flaky);
    const writer = connect(document, { user: editor });
    await storage.removeMembership({ workspaceId: workspace.id, userId: editor.id });
    failing.listUsers = true;
    // Neither kind of re-check throws at its caller (the access subscriber of the events).
    await expect(watcher.checkNow()).resolves.toBeUndefined();
    await expect(watcher.checkNow({ userId: editor.id })).resolves.toBeUndefined();
    expect(failures()).toEqual([roundFailed, roundFailed]);
    expect(writer.closed).toBeNull();
    failing.listUsers = false;
    await watcher.checkNow();
    expect(writer.closed?.code).toBe(CLOSE_CODES.forbidden);
  });

  it('keeps polling after a periodic round failed', async () => {
    const { editor, workspace, document } = await world();
    const { flaky, failing } = flakyStorage();
    failing.listUsers = true;
    const { connect } = watch(20, flaky);
    const writer = connect(document, { user: editor });
    await storage.removeMembership({ workspaceId: workspace.id, userId: editor.id });
    await waitFor(() => logged.length > 0, 'a periodic round failed');
    expect(failures()[0]).toEqual(roundFailed);
    failing.listUsers = false;
    await waitFor(() => writer.closed !== null, 'a later periodic round closed the removed member');
    expect(writer.closed?.code).toBe(CLOSE_CODES.forbidden);
  });

  it('logs a document whose reads fail with its id, and still re-checks the other documents', async () => {
    const { owner, editor, workspace, document } = await world();
    const other = await buildDocument(storage, { workspace, createdBy: owner });
    const { flaky, failing } = flakyStorage();
    const { watcher, connect } = watch(60_000, flaky);
    const onBroken = connect(document, { user: editor });
    const onOther = connect(other, { user: editor });
    // Someone from outside the workspace whom the other document is shared with.
    const guest = await buildUser(storage);
    await storage.upsertDocumentShare({
      documentId: other.id,
      userId: guest.id,
      role: 'editor',
      createdById: owner.id,
    });
    const onShared = connect(other, { user: guest });
    await setRole(workspace, editor, 'viewer');
    // The slice's shared read fails too, so both documents are read one by one: the other
    // one is judged on its own record (read-only now, neither closed nor skipped).
    failing.documentIds.add(document.id);
    await watcher.checkNow();
    expect([onOther.canWrite, onOther.closed]).toEqual([false, null]);
    expect([onShared.canWrite, onShared.closed]).toEqual([true, null]);
    expect([onBroken.canWrite, onBroken.closed]).toEqual([true, null]);
    expect(failures()).toEqual([{ ...roundFailed, documentId: document.id }]);
    failing.documentIds.clear();
    await watcher.checkNow();
    expect([onBroken.canWrite, onBroken.closed]).toEqual([false, null]);
  });

  it('lets a re-check asked for during a round wait for it, so the round’s stale reads cannot undo a revocation', async () => {
    const { editor, workspace, document } = await world();
    // The first membership read of the round is answered (with the rows as they were) only
    // when the test releases it.
    let signalRead = (): void => {};
    const staleRead = new Promise<void>((resolve) => (signalRead = resolve));
    let release = (): void => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let isHeld = false;
    const held: Storage = {
      ...storage,
      async listMemberships(input) {
        const rows = await storage.listMemberships(input);
        if (!isHeld) {
          isHeld = true;
          signalRead();
          await released;
        }
        return rows;
      },
    };
    const { watcher, connect } = watch(60_000, held);
    const writer = connect(document, { user: editor });
    const round = watcher.checkNow(); // a full round, as the periodic one runs
    await staleRead; // it has read the editor's role
    await setRole(workspace, editor, 'viewer');
    const revocation = watcher.checkNow({ userId: editor.id });
    // A re-check that did not wait would finish well within this; one that waits cannot.
    await Promise.race([revocation, sleep(300)]);
    release();
    await Promise.all([round, revocation]);
    expect([writer.canWrite, writer.closed]).toEqual([false, null]);
  });

  it('lets other work run between slices of a round over many documents, and re-checks them all', async () => {
    const { owner, editor, workspace } = await world();
    const documentReads: number[] = [];
    let singleReads = 0;
    const counting: Storage = {
      ...storage,
      listDocumentMetas: (input) => {
        documentReads.push(input.ids.length);
        return storage.listDocumentMetas(input);
      },
      getDocumentMeta: (input) => {
        singleReads += 1;
        return storage.getDocumentMeta(input);
      },
    };
    const { watcher, connect } = watch(60_000, counting);
    const writers: TestConnection[] = [];
    for (let i = 0; i < 250; i += 1) {
      const document = await buildDocument(storage, { workspace, createdBy: owner });
      writers.push(connect(document, { user: editor }));
    }
    await setRole(workspace, editor, 'viewer');
    // Another document's traffic, as the event loop would run it between two turns.
    let turnsBetween = 0;
    let isChecking = true;
    const countTurns = (): void => {
      if (!isChecking) return;
      turnsBetween += 1;
      setImmediate(countTurns);
    };
    setImmediate(countTurns);
    await watcher.checkNow();
    isChecking = false;
    expect(writers.filter((writer) => writer.canWrite)).toEqual([]);
    // Each document read once, one read per slice: the slices split the round, they do not
    // repeat it, and no document is read on its own.
    expect(documentReads).toEqual([100, 100, 50]);
    expect(singleReads).toBe(0);
    // 250 documents at 100 per turn: the loop ran other work at least twice in between.
    expect(turnsBetween).toBeGreaterThanOrEqual(2);
  });

  it('stops polling once stopped', async () => {
    const { editor, workspace, document } = await world();
    const stopped = watch(20);
    const polling = watch(20);
    const onStopped = stopped.connect(document, { user: editor });
    const onPolling = polling.connect(document, { user: editor });
    stopped.watcher.stop();
    const roundsAtStop = stopped.rounds();
    await storage.removeMembership({ workspaceId: workspace.id, userId: editor.id });
    // The other watcher, on the same interval, shows that rounds were due.
    await waitFor(() => onPolling.closed !== null, 'the polling watcher closed its connection');
    const seen = polling.rounds();
    await waitFor(() => polling.rounds() >= seen + 3, 'three more rounds were due');
    expect(stopped.rounds()).toBe(roundsAtStop);
    expect(onStopped.closed).toBeNull();
  });

  it('keeps re-checking on its own after rounds with nothing to check', async () => {
    const { editor, workspace, document } = await world();
    const { watcher, connect } = watch(20);
    // Idle rounds first (no connections), then a revocation only the poll can find.
    await watcher.checkNow();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const writer = connect(document, { user: editor });
    await storage.removeMembership({ workspaceId: workspace.id, userId: editor.id });
    await waitFor(() => writer.closed !== null, 'the poll closed the removed member');
    expect(writer.closed?.code).toBe(CLOSE_CODES.forbidden);
  });
});
