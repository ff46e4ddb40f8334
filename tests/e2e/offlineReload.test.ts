/**
 * Offline, really (issue 17 item 3): with the app's service worker, a document opened online
 * can be reloaded offline and shows its text with the edit made offline (Yjs in IndexedDB,
 * the page's data from the worker's API cache). Offline, status changes are disabled with a
 * reason and details edits wait with a visible "will be sent"; back online both the text and
 * the details reach a second person. Signing out empties the API cache.
 *
 * The e2e build (tests/e2e/globalSetup.ts) is a normal `vite build`, so it holds the worker
 * (`sw.js`); every other story blocks it (`newPerson`'s `serviceWorkers: 'block'`).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CACHE_NAME } from '../../client/src/offline/cacheNames';
import { launchBrowser, newPerson } from './browser';
import { seedSharedDocument, startE2eServer, type E2eServer } from './server';
import { createCast, editorOf, PASSWORD, signIn, syncStateOf, typeAtEnd } from './steps';

let server: E2eServer;
let browser: Browser;
let documentId = '';

/** The URLs the worker's API cache holds (empty when it holds none). */
function cachedApiUrls(page: Page): Promise<string[]> {
  return page.evaluate(async (cacheName) => {
    if (!(await caches.has(cacheName))) return [];
    const requests = await (await caches.open(cacheName)).keys();
    return requests.map((request) => new URL(request.url).pathname);
  }, API_CACHE_NAME);
}

describe('offline reload of the editor', () => {
  beforeAll(async () => {
    server = await startE2eServer();
    ({ documentId } = await seedSharedDocument({
      serverUrl: server.url,
      password: PASSWORD,
      member: { email: 'bruno@bologna.example', name: 'Bruno Bologna', role: 'editor' },
      document: { title: 'Notes from the Bologna visit', kind: 'note' },
    }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the document and its offline edit after an offline reload, then syncs', async () => {
    const cast = createCast({ browser, baseURL: server.url });
    try {
      const ana = await newPerson({ browser, baseURL: server.url, serviceWorkers: 'allow' });
      cast.people.push(ana);
      const { context, page } = ana;
      await signIn({ page, email: 'ana@stuttgart.example', name: 'Ana Admin' });
      await page.goto(`/documents/${documentId}`);
      await typeAtEnd(page, 'Written at the office.');
      await expect.poll(() => syncStateOf(page)).toBe('saved');
      // The worker took over this page and read its data again through its cache.
      await expect
        .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
        .toBe(true);
      await expect.poll(() => cachedApiUrls(page)).toContain(`/api/documents/${documentId}`);
      await expect.poll(() => cachedApiUrls(page)).toContain('/api/auth/me');

      await context.setOffline(true);
      await expect.poll(() => syncStateOf(page)).toBe('offline');
      await typeAtEnd(page, ' Written on the train.');
      await page.reload();

      // The shell from the worker, the details from its cache, the text from IndexedDB.
      await page.getByRole('heading', { level: 1, name: 'Notes from the Bologna visit' }).waitFor();
      await expect.poll(() => editorOf(page).innerText()).toContain('Written on the train.');
      expect(await editorOf(page).innerText()).toContain('Written at the office.');
      expect(await syncStateOf(page)).toBe('offline');

      // A status change needs the server: disabled, and the page says why.
      const submit = page.getByRole('button', { name: 'Submit for review' });
      expect(await submit.isDisabled()).toBe(true);
      expect(await page.getByTestId('status-offline').innerText()).toContain('offline');
      // A details edit waits, visibly, to be sent.
      await page
        .getByRole('textbox', { name: 'Title' })
        .fill('Notes from the Bologna visit (train)');
      const saveState = page.getByTestId('details-save-state');
      await expect.poll(() => saveState.getAttribute('data-state')).toBe('offline');
      expect(await saveState.innerText()).toContain('will be sent');

      await context.setOffline(false);
      await expect.poll(() => syncStateOf(page), { timeout: 20_000 }).toBe('saved');
      await expect.poll(() => saveState.getAttribute('data-state')).toBe('saved');
      expect(await submit.isDisabled()).toBe(false);

      // Bruno, on another machine, gets both.
      const bruno = await cast.add();
      await signIn({ page: bruno.page, email: 'bruno@bologna.example', name: 'Bruno Bologna' });
      await bruno.page.goto(`/documents/${documentId}`);
      await expect.poll(() => editorOf(bruno.page).innerText()).toContain('Written on the train.');
      await bruno.page
        .getByRole('heading', { level: 1, name: 'Notes from the Bologna visit (train)' })
        .waitFor();

      // Signing out leaves no cached answer for the next person at this computer.
      await page.getByRole('button', { name: /Account menu/ }).click();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await cachedApiUrls(page)).not.toContain(`/api/documents/${documentId}`);
    } catch (error) {
      await cast.snapshotAll('offline reload');
      throw error;
    } finally {
      await cast.closeAll();
    }
    // A long story (two people, offline and back) on a shared, busy machine.
  }, 90_000);

  it('takes a page that loaded past its worker, and caches that page’s reads', async () => {
    const { context, page } = await newPerson({
      browser,
      baseURL: server.url,
      serviceWorkers: 'allow',
    });
    try {
      await signIn({ page, email: 'bruno@bologna.example', name: 'Bruno Bologna' });
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      // A reload that bypasses the worker (Shift+Reload) loads a page no worker controls, as a
      // page does whose navigation was under way while the first worker activated.
      const devtools = await context.newCDPSession(page);
      await devtools.send('Page.reload', { ignoreCache: true });
      await page.waitForURL('**/*');
      await page.getByRole('button', { name: /Account menu/ }).waitFor();
      await expect
        .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
        .toBe(true);
      await expect.poll(() => cachedApiUrls(page)).toContain('/api/auth/me');
    } finally {
      await context.close();
    }
  }, 60_000);
});
