/**
 * When the collaboration server refuses a connection because it is busy (here: the
 * per-account connection cap, 4429), the editor must say what happened, keep the person's
 * text on screen (writable: the edits stay in the browser, as offline), and reconnect by
 * itself once the server takes it again, merging what was typed meanwhile. It must not claim
 * that the person lost access, and it needs no "Try again" click.
 */
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPerson } from './browser';
import { startServerWithOneNote, type E2eServer } from './server';
import {
  editorOf,
  expectNoSeriousA11yIssues,
  PASSWORD,
  signIn,
  syncStateOf,
  typeAtEnd,
} from './steps';

let server: E2eServer;
let browser: Browser;
let documentUrl = '';

/** A fresh browser context (own IndexedDB, own cookies) signed in as Ana, on the document. */
async function openAsAna(
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<{ context: BrowserContext; page: Page }> {
  const { context, page } = await newPerson({ browser, baseURL: server.url });
  await prepare?.(context);
  await signIn({ page, email: 'ana@stuttgart.example', name: 'Ana Admin' });
  await page.goto(documentUrl);
  return { context, page };
}

/**
 * Lets the test cut a browser's collab sockets on both ends (the server frees the connection
 * slot at once, unlike with an offline browser) and keep new ones from reaching the server.
 */
async function cuttableCollab(context: BrowserContext) {
  let isBlocked = false;
  const open: { page: WebSocketRoute; server: WebSocketRoute }[] = [];
  await context.routeWebSocket(/\/collab\//, (socket) => {
    if (isBlocked) {
      void socket.close();
      return;
    }
    open.push({ page: socket, server: socket.connectToServer() });
  });
  return {
    async cut() {
      isBlocked = true;
      for (const sockets of open.splice(0)) {
        await sockets.server.close();
        await sockets.page.close();
      }
    },
    restore() {
      isBlocked = false;
    },
  };
}

/** The banner the editor shows while the server does not take its connection. */
function closedBannerOf(page: Page) {
  return page.getByTestId('closed-session-banner');
}

/** The busy refusal leaves up to ~20 s between reconnects; two shared cores add to that. */
const RECONNECT_DEADLINE_MS = 45_000;

describe('editor when the collaboration server refuses the connection', () => {
  beforeAll(async () => {
    ({ server, documentUrl } = await startServerWithOneNote({
      env: { COLLAB_MAX_CONNECTIONS_PER_USER: '1' },
      password: PASSWORD,
    }));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('explains a busy refusal (too many connections), keeps the editor and reconnects by itself', async () => {
    const { context, page: first } = await newPerson({ browser, baseURL: server.url });
    await signIn({ page: first, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await first.goto(documentUrl);
    await expect.poll(() => syncStateOf(first)).toBe('saved');
    await typeAtEnd(first, 'Agenda for the visit.');
    await expect.poll(() => syncStateOf(first)).toBe('saved');

    // A second tab of the same account is over the cap of one connection.
    const second = await context.newPage();
    await second.goto(documentUrl);
    const banner = closedBannerOf(second);
    await banner.getByText(/too many connections/i).waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    expect(await banner.innerText()).not.toContain('no longer have access');
    expect(await banner.getByRole('button').count()).toBe(0);
    // The editor and the text stay on screen.
    await expect.poll(() => editorOf(second).innerText()).toContain('Agenda for the visit.');
    await expectNoSeriousA11yIssues(second);

    await first.close();
    await expect.poll(() => banner.count(), { timeout: RECONNECT_DEADLINE_MS }).toBe(0);
    await expect.poll(() => syncStateOf(second), { timeout: RECONNECT_DEADLINE_MS }).toBe('saved');
    await context.close();
  });

  it('keeps text typed while cut off on screen through a refusal and merges it once it is back', async () => {
    let network: Awaited<ReturnType<typeof cuttableCollab>> | undefined;
    const traveller = await openAsAna(async (context) => {
      network = await cuttableCollab(context);
    });
    await expect.poll(() => syncStateOf(traveller.page)).toBe('saved');
    await expect
      .poll(() => editorOf(traveller.page).innerText())
      .toContain('Agenda for the visit.');

    // The connection drops (both ends see it), and the browser cannot reach the server.
    await network?.cut();
    await expect.poll(() => syncStateOf(traveller.page)).toBe('offline');
    await typeAtEnd(traveller.page, ' Written on the train.');

    // Meanwhile another browser of the same account takes the only connection.
    const office = await openAsAna();
    await expect.poll(() => syncStateOf(office.page)).toBe('saved');

    network?.restore();
    const banner = closedBannerOf(traveller.page);
    await banner.getByText(/too many connections/i).waitFor({ timeout: 20_000 });
    expect(await editorOf(traveller.page).innerText()).toContain('Written on the train.');
    // Still writable: what is typed now is kept in the browser, as when offline.
    expect(await editorOf(traveller.page).getAttribute('contenteditable')).toBe('true');
    await typeAtEnd(traveller.page, ' Typed while refused.');
    expect(await editorOf(office.page).innerText()).not.toContain('Written on the train.');

    await office.page.close();
    await expect.poll(() => banner.count(), { timeout: RECONNECT_DEADLINE_MS }).toBe(0);
    await expect
      .poll(() => syncStateOf(traveller.page), { timeout: RECONNECT_DEADLINE_MS })
      .toBe('saved');
    await traveller.page.close();

    // A browser that never saw those words gets them from the server.
    const reader = await openAsAna();
    await expect
      .poll(() => editorOf(reader.page).innerText(), { timeout: 20_000 })
      .toContain('Written on the train. Typed while refused.');
  });
});
