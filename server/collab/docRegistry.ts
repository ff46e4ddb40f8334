/**
 * The registry of open documents: at most one `LiveDoc` per document id, shared by every
 * connection to it. Concurrent connects during a load share one load (storage read, then the
 * `load` hooks); the document unloads (the `unload` hooks: derived data written, log
 * compacted; then memory freed) `unloadGraceMs` after its last holder
 * released it. Built by a factory: two servers in one process never share documents.
 */
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import type { DerivedWrites } from './derivedWrites';
import type { GroupCommit } from './groupCommit';
import type { HookRunner } from './hooks';
import { loadLiveDoc, type LiveDoc } from './liveDoc';
import type { CollabOptions } from './options';

/** Access to the live documents of one collab server. */
export interface DocRegistry {
  /** Loads (or joins the load of) a document and holds it open until `release`. */
  acquire(documentId: string): Promise<LiveDoc>;
  release(documentId: string): void;
  /** The live document, if it is loaded and not unloading. */
  get(documentId: string): LiveDoc | undefined;
  /** Every loaded document. */
  list(): LiveDoc[];
  /** Unloads a document now if nobody holds it (tests use it to force the unload path). */
  unloadIfIdle(documentId: string): Promise<void>;
  /** Unloads every document (flush + compaction), whoever holds it. For shutdown. */
  unloadAll(): Promise<void>;
}

interface Entry {
  holders: number;
  loading: Promise<LiveDoc>;
  doc: LiveDoc | null;
  unloadTimer: NodeJS.Timeout | null;
  unloading: Promise<void> | null;
}

export function createDocRegistry(input: {
  storage: Storage;
  logger: Logger;
  options: CollabOptions;
  hooks: HookRunner;
  groupCommit: GroupCommit;
  derivedWrites: DerivedWrites;
}): DocRegistry {
  const entries = new Map<string, Entry>();

  const unload = (documentId: string, entry: Entry): Promise<void> => {
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    entry.unloadTimer = null;
    entry.unloading ??= (async () => {
      try {
        const doc = await entry.loading;
        await doc.unload();
      } catch (error) {
        input.logger.error({ err: error, documentId }, 'unloading a document failed');
      } finally {
        if (entries.get(documentId) === entry) entries.delete(documentId);
      }
    })();
    return entry.unloading;
  };

  /** Loads from storage, then runs the `load` hooks (their failures are logged, not fatal). */
  const loadAndRunHooks = async (documentId: string): Promise<LiveDoc> => {
    const doc = await loadLiveDoc({ documentId, ...input });
    await input.hooks.load({ doc });
    return doc;
  };

  const acquire = async (documentId: string): Promise<LiveDoc> => {
    let entry = entries.get(documentId);
    if (entry?.unloading) {
      await entry.unloading;
      return acquire(documentId);
    }
    if (!entry) {
      const created: Entry = {
        holders: 0,
        loading: loadAndRunHooks(documentId),
        doc: null,
        unloadTimer: null,
        unloading: null,
      };
      created.loading.then(
        (doc) => {
          created.doc = doc;
        },
        () => {
          if (entries.get(documentId) === created) entries.delete(documentId);
        },
      );
      entries.set(documentId, created);
      entry = created;
    }
    entry.holders += 1;
    if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    entry.unloadTimer = null;
    try {
      return await entry.loading;
    } catch (error) {
      entry.holders -= 1;
      throw error;
    }
  };

  return {
    acquire,
    release(documentId) {
      const entry = entries.get(documentId);
      if (!entry || entry.unloading) return;
      entry.holders = Math.max(0, entry.holders - 1);
      if (entry.holders > 0 || entry.unloadTimer) return;
      entry.unloadTimer = setTimeout(() => {
        entry.unloadTimer = null;
        if (entry.holders === 0) void unload(documentId, entry);
      }, input.options.unloadGraceMs);
      entry.unloadTimer.unref();
    },
    get(documentId) {
      const entry = entries.get(documentId);
      return entry && !entry.unloading ? (entry.doc ?? undefined) : undefined;
    },
    list() {
      const docs: LiveDoc[] = [];
      for (const entry of entries.values()) if (entry.doc && !entry.unloading) docs.push(entry.doc);
      return docs;
    },
    async unloadIfIdle(documentId) {
      const entry = entries.get(documentId);
      if (!entry || entry.holders > 0) return;
      await unload(documentId, entry);
    },
    async unloadAll() {
      await Promise.all([...entries].map(([documentId, entry]) => unload(documentId, entry)));
    },
  };
}
