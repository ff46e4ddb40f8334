/**
 * The editor's pill and its close-tab warning follow the server's `doc:stored`, not a guess:
 * with the server holding its writes back (a 4 s flush delay), the pill says "Saving…" and
 * closing the tab asks first, for as long as the edits are not in storage; once they are,
 * "Saved", and the tab closes without asking.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson } from './browser';
import { startServerWithOneNote, type E2eServer } from './server';
import { PASSWORD, signIn, syncStateOf, typeAtEnd } from './steps';

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
