/**
 * The bench's `BENCH_WITHOUT` switches (bench/ablation.ts): what each one turns off, on real
 * SQLite, so an ablated run measures what it says it measures.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ablatedStorage, ablatedTuning, parseAblations } from '../../bench/ablation';
import { createSqliteStorage } from '../../server/storage/sqlite';
import type { DocumentRecord, Storage } from '../../server/storage/types';
import { buildDocument, buildUser, buildWorkspace } from '../helpers/factories';

let dataDir: string;
let storage: Storage;
let document: DocumentRecord;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-bench-ablation-'));
  storage = await createSqliteStorage({ filename: path.join(dataDir, 'clip.sqlite') });
  const owner = await buildUser(storage);
  const workspace = await buildWorkspace(storage, { owner });
  document = await buildDocument(storage, { workspace, createdBy: owner });
});
afterAll(async () => {
  await storage.close();
  await rm(dataDir, { recursive: true, force: true });
});

const update = (byte: number) => new Uint8Array([byte]);

describe('BENCH_WITHOUT', () => {
  it('reads a comma-separated list and refuses a name it does not know', () => {
    expect(parseAblations(undefined)).toEqual(new Set());
    expect(parseAblations(' persistence, access ')).toEqual(new Set(['persistence', 'access']));
    expect(() => parseAblations('persistence,search')).toThrow(/unknown "search"/);
  });

  it('leaves the server as it is when nothing is named', async () => {
    expect(ablatedStorage(storage, new Set())).toBe(storage);
    expect(ablatedTuning(new Set())).toEqual({ collab: {} });
  });

  it('puts derived fields and access re-checks beyond any run', () => {
    const { collab } = ablatedTuning(new Set(['derived', 'access']));
    expect(collab?.derivedDebounceMs).toBeGreaterThanOrEqual(1_000_000_000);
    expect(collab?.accessRecheckMs).toBeGreaterThanOrEqual(1_000_000_000);
    // Node's timers take at most 2^31 − 1 ms; a longer delay would fire at once.
    expect(collab?.accessRecheckMs).toBeLessThan(2 ** 31);
  });

  it('without persistence, the group commit reports every batch stored and stores nothing', async () => {
    const ablated = ablatedStorage(storage, new Set(['persistence']));
    const results = await ablated.appendDocUpdatesBatch({
      batches: [
        { documentId: document.id, updates: [update(1), update(2)] },
        { documentId: document.id, updates: [update(3)] },
      ],
    });
    const again = await ablated.appendDocUpdatesBatch({
      batches: [{ documentId: document.id, updates: [update(4)] }],
    });
    const seqs = [...results, ...again].flatMap((result) => (result.isStored ? result.seqs : []));
    expect(seqs).toEqual([1, 2, 3, 4]);
    expect(await storage.countDocUpdates({ documentId: document.id })).toBe(0);
    // Everything else still reaches SQLite.
    await ablated.appendDocUpdates({ documentId: document.id, updates: [update(5)] });
    expect(await storage.countDocUpdates({ documentId: document.id })).toBe(1);
  });
});
