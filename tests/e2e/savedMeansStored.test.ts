/**
 * The editor's pill and its close-tab warning follow the server's `doc:stored`, not a guess:
 * with the server holding its writes back (a 4 s flush delay), the pill says "Saving…" and
 * closing the tab asks first, for as long as the edits are not in storage; once they are,
 * "Saved", and the tab closes without asking. And with the server a real process killed
 * (SIGKILL) before its `doc:stored`: the pill never said "Saved", the edit was not in storage,
 * and the browser's IndexedDB copy, kept past the closed tab, brings it back once a server
 * runs again.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import { spawnServer, storedText, type ServerProcess } from '../collab/serverProcess';
import { launchBrowser, newPerson } from './browser';
import { seedAdminWorkspace, startServerWithOneNote, type E2eServer } from './server';
import { editorOf, PASSWORD, signIn, syncStateOf, typeAtEnd } from './steps';

/** Long enough to look at the pill while the edit is applied but not yet written. */
const HELD_FLUSH_MS = 4000;

let server: E2eServer;
let browser: Browser;
let documentUrl = '';

describe('"Saved" means stored', () => {
  beforeAll(async () => {
    ({ server, documentUrl } = await startServerWithOneNote({
      env: {},
      password: PASSWORD,
      tuning: { collab: { flushDelayMs: HELD_FLUSH_MS } },
    }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says "Saving…" and warns on close until doc:stored covers the edit, then "Saved"', async () => {
    const { page } = await newPerson({ browser, baseURL: server.url });
    await signIn({ page, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await page.goto(documentUrl);
    await expect.poll(() => syncStateOf(page)).toBe('saved');

    await typeAtEnd(page, 'Held back by the server.');
    await expect.poll(() => syncStateOf(page)).toBe('saving');
    // Sent and applied long ago, quiet for over a second: still not stored, so still saving.
    await page.waitForTimeout(1500);
    expect(await syncStateOf(page)).toBe('saving');
    expect(await page.getByTestId('sync-state').innerText()).toBe('Saving…');

    const warning = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const shown = await warning;
    expect(shown.type()).toBe('beforeunload');
    await shown.dismiss();

    await expect.poll(() => syncStateOf(page), { timeout: 15_000 }).toBe('saved');
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    const closed = page.waitForEvent('close');
    await page.close({ runBeforeUnload: true });
    await closed;
    expect(dialogs).toEqual([]);
  });
});

describe('"Saved" means stored, across a server crash', () => {
  let dataDir = '';
  let browser: Browser | undefined;
  const servers: ServerProcess[] = [];

  /** The test server as its own process on `dataDir` (and `port`, to come back where it was). */
  const startProcess = async (port?: number): Promise<ServerProcess> => {
    const server = await spawnServer({
      dataDir,
      ...(port === undefined ? {} : { port }),
      entry: 'tests/e2e/heldFlushServer.ts',
      env: { CLIENT_DIR: inject('e2eClientDir'), HELD_FLUSH_MS: String(HELD_FLUSH_MS) },
    });
    servers.push(server);
    return server;
  };

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('killed while "Saving…": never "Saved", not in storage, kept in IndexedDB past the tab, stored once a server runs', async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'clip-e2e-crash-'));
    const first = await startProcess();
    const baseURL = `http://127.0.0.1:${first.port}`;
    const { admin, workspaceId } = await seedAdminWorkspace({
      serverUrl: baseURL,
      password: PASSWORD,
    });
    const created = await admin.post<{ document: DocumentDto }>(
      `/api/workspaces/${workspaceId}/documents`,
      { title: 'Notes from the Stuttgart visit', kind: 'note' },
    );
    const documentId = created.body.document.id;
    browser = await launchBrowser();
    const { context, page } = await newPerson({ browser, baseURL });
    await signIn({ page, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await page.goto(`/documents/${documentId}`);
    await expect.poll(() => syncStateOf(page)).toBe('saved');
    const text = 'Typed just before the crash.';
    await typeAtEnd(page, text);
    // The pill, every 50 ms from the last keystroke until the server is gone.
    const states: Array<string | null> = [];
    const watch = setInterval(() => {
      void syncStateOf(page).then(
        (state) => states.push(state),
        () => {},
      );
    }, 50);
    await expect.poll(() => syncStateOf(page)).toBe('saving');
    // Sent and applied by now; the server holds the write back for 4 s and is killed first.
    await page.waitForTimeout(1000);
    expect(await syncStateOf(page)).toBe('saving');
    first.child.kill('SIGKILL');
    await first.exited;
    await expect.poll(() => syncStateOf(page)).toBe('offline');
    expect(await storedText(dataDir, documentId)).not.toContain(text);
    clearInterval(watch);
    // Between the keystrokes and the kill, the pill never claimed more than the server said.
    expect(states.length).toBeGreaterThan(10);
    expect(states).not.toContain('saved');

    // The tab closes while the edit is only in the browser: it warns; the person leaves anyway.
    const warning = page.waitForEvent('dialog');
    await page.close({ runBeforeUnload: true });
    const shown = await warning;
    expect(shown.type()).toBe('beforeunload');
    const closed = page.waitForEvent('close');
    await shown.accept();
    await closed;

    // A server again, on the same address; a new tab of the same browser: the IndexedDB copy
    // (kept because the edit was never stored) brings the edit back, then it is stored.
    const second = await startProcess(first.port);
    const reopened = await context.newPage();
    await reopened.goto(`/documents/${documentId}`);
    await expect.poll(() => syncStateOf(reopened), { timeout: 30_000 }).toBe('saved');
    expect(await editorOf(reopened).innerText()).toContain(text);
    // "Saved" was the truth: a SIGKILL now loses nothing.
    second.child.kill('SIGKILL');
    await second.exited;
    expect(await storedText(dataDir, documentId)).toContain(text);
  }, 90_000);
});
