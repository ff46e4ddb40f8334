/**
 * The product's main story in real Chromium against the real server and built client:
 * first-account setup, a workspace and a document made through the UI, a colleague invited
 * by copied link, live co-editing with named carets and own-changes-only undo, live
 * presence, a read-only viewer, member management, offline edits that sync on reconnect,
 * and text kept across reloads (server and IndexedDB). The steps share one server and build
 * on each other, so they run in order.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useE2eStage } from './stage';
import {
  addLinkThroughDialog,
  insertImageThroughDialog,
  acceptInvitation,
  editorOf,
  expectNoSeriousA11yIssues,
  inviteFromWorkspace,
  PASSWORD,
  screenshot,
  signIn,
  syncStateOf,
  typeAtEnd,
} from './steps';

let ana: Page;
let bea: Page;
let beaContext: BrowserContext;
let documentUrl = '';
let workspaceUrl = '';

describe('co-editing in the browser', () => {
  const stage = useE2eStage();

  it('sends the first visitor to setup and creates the admin account through the UI', async () => {
    ({ page: ana } = await stage.cast.add());
    await ana.goto('/');
    await ana.waitForURL('**/setup');
    await ana.getByRole('heading', { name: 'Create the first account' }).waitFor();
    await expectNoSeriousA11yIssues(ana);
    await screenshot(ana, '01-setup');
    await ana.getByLabel('Full name').fill('Ana Admin');
    await ana.getByLabel('E-mail').fill('ana@stuttgart.example');
    await ana.getByLabel('Password').fill(PASSWORD);
    await ana.getByRole('button', { name: 'Create account' }).click();
    await ana.getByRole('heading', { name: 'Welcome, Ana Admin' }).waitFor();
    await expect.poll(() => new URL(ana.url()).pathname).toBe('/');
  });

  it('creates a workspace and a document from the UI and opens the editor', async () => {
    await ana.getByText('No workspaces yet').waitFor();
    await expectNoSeriousA11yIssues(ana);
    await ana.getByRole('button', { name: 'New workspace' }).click();
    const workspaceDialog = ana.getByRole('dialog', { name: 'New workspace' });
    await workspaceDialog.getByRole('textbox', { name: 'Name' }).fill('Housing and integration');
    await workspaceDialog.getByRole('button', { name: 'Create workspace' }).click();
    await ana.waitForURL('**/w/*');
    workspaceUrl = new URL(ana.url()).pathname;
    await expect.poll(() => ana.title()).toBe('Housing and integration · CLIP Workspace');
    await ana.getByRole('heading', { name: 'Housing and integration' }).waitFor();
    await ana.getByText('No documents yet').waitFor();

    await ana.getByRole('button', { name: 'New document' }).click();
    const documentDialog = ana.getByRole('dialog', { name: 'New document' });
    await documentDialog.waitFor();
    await expectNoSeriousA11yIssues(ana);
    await documentDialog
      .getByRole('textbox', { name: 'Title' })
      .fill('Guideline on affordable housing');
    await documentDialog.getByRole('combobox', { name: 'Kind' }).selectOption('guideline');
    await documentDialog.getByRole('checkbox', { name: 'Housing' }).check();
    await documentDialog.getByRole('button', { name: 'Create and open' }).click();
    await ana.waitForURL('**/documents/*');
    documentUrl = new URL(ana.url()).pathname;
    await editorOf(ana).waitFor();
    await expect.poll(() => syncStateOf(ana)).toBe('saved');
    await typeAtEnd(ana, 'Cities share what works.');
    await expect.poll(() => editorOf(ana).innerText()).toContain('Cities share what works.');
    await expect.poll(() => syncStateOf(ana)).toBe('saved');
  });

  it('invites a colleague by copied link; they accept it in their own browser', async () => {
    const link = await inviteFromWorkspace({
      page: ana,
      workspaceUrl,
      email: 'bea@bologna.example',
      role: 'editor',
    });
    expect(link).toMatch(/^http:\/\/.+\/invite\/[A-Za-z0-9_-]+$/);
    await screenshot(ana, '03-workspace-members');
    const invited = await acceptInvitation({ cast: stage.cast, link, name: 'Bea Editor' });
    bea = invited.page;
    beaContext = invited.context;
    await bea.getByRole('link', { name: /Housing and integration/ }).waitFor();
    await screenshot(bea, '02-dashboard');
  });

  it('shows each person the other one’s text and named caret live', async () => {
    await ana.goto(documentUrl);
    await bea.goto(documentUrl);
    await editorOf(ana).waitFor();
    await editorOf(bea).waitFor();
    await expect.poll(() => editorOf(bea).innerText()).toContain('Cities share what works.');

    await typeAtEnd(bea, ' Bologna adds its housing agency.');
    await expect
      .poll(() => editorOf(ana).innerText())
      .toContain('Bologna adds its housing agency.');
    await typeAtEnd(ana, ' Stuttgart agrees.');
    await expect.poll(() => editorOf(bea).innerText()).toContain('Stuttgart agrees.');

    await expect
      .poll(() => ana.locator('.collaboration-carets__label').allInnerTexts())
      .toContain('Bea Editor');
    await expect
      .poll(() => bea.locator('.collaboration-carets__label').allInnerTexts())
      .toContain('Ana Admin');
    await expect.poll(() => ana.getByRole('img', { name: 'Bea Editor' }).count()).toBe(1);
    await expectNoSeriousA11yIssues(ana);
    await screenshot(ana, '04-editor');
  });

  it('undoes only your own change, and syncs tables, links and images from the toolbar', async () => {
    await typeAtEnd(ana, ' Ana-undo-me.');
    await expect.poll(() => editorOf(bea).innerText()).toContain('Ana-undo-me.');
    await typeAtEnd(bea, ' Bea-stays.');
    await expect.poll(() => editorOf(ana).innerText()).toContain('Bea-stays.');

    await ana.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => editorOf(bea).innerText()).not.toContain('Ana-undo-me.');
    expect(await editorOf(bea).innerText()).toContain('Bea-stays.');
    expect(await editorOf(ana).innerText()).toContain('Bea-stays.');
    // Redo brings Ana's words back (Yjs may group her earlier typing into the same step).
    await ana.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => editorOf(bea).innerText()).toContain('Ana-undo-me.');
    expect(await editorOf(bea).innerText()).toContain('Stuttgart agrees.');

    await editorOf(ana).click();
    await ana.keyboard.press('Control+End');
    await ana.getByRole('button', { name: 'Insert table' }).click();
    await expect.poll(() => editorOf(bea).locator('table').count()).toBe(1);
    await ana.keyboard.type('Bologna');
    await expect.poll(() => editorOf(bea).locator('table').innerText()).toContain('Bologna');

    await ana.keyboard.press('Shift+Control+ArrowLeft');
    await addLinkThroughDialog(ana, 'https://www.comune.bologna.it/');
    await expect
      .poll(() => editorOf(bea).locator('a[href="https://www.comune.bologna.it/"]').innerText())
      .toContain('Bologna');

    await ana.keyboard.press('Control+Home');
    await insertImageThroughDialog(ana, {
      address: 'https://example.org/bologna-map.png',
      alt: 'Map of Bologna',
    });
    await expect
      .poll(() => editorOf(bea).locator('img[src="https://example.org/bologna-map.png"]').count())
      .toBe(1);
  });

  it('shows live "people here" badges on the dashboard and the workspace page', async () => {
    const watcher = await stage.cast.add();
    await signIn({ page: watcher.page, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await watcher.page.getByTestId('presence-list').getByText('Bea Editor').waitFor();
    await watcher.page.goto(workspaceUrl);
    await watcher.page
      .getByTestId('here-badge')
      .getByText(/2 people here/)
      .waitFor();
    await expectNoSeriousA11yIssues(watcher.page);
    await screenshot(watcher.page, '03-workspace');
    await watcher.context.close();
  });

  it('keeps a viewer read-only, with a banner saying why', async () => {
    const link = await inviteFromWorkspace({
      page: ana,
      workspaceUrl,
      email: 'carl@liege.example',
      role: 'viewer',
    });
    const carl = await acceptInvitation({ cast: stage.cast, link, name: 'Carl Viewer' });
    await carl.page.goto(documentUrl);
    await carl.page
      .getByTestId('read-only-banner')
      .getByText(/your role in this workspace is viewer/)
      .waitFor();
    await expect.poll(() => editorOf(carl.page).innerText()).toContain('Stuttgart agrees.');
    expect(await editorOf(carl.page).getAttribute('contenteditable')).toBe('false');
    await expect.poll(() => carl.page.getByRole('toolbar').count()).toBe(0);
    const before = await editorOf(carl.page).innerText();
    await editorOf(carl.page).click();
    await carl.page.keyboard.type('viewer was here');
    await carl.page.waitForTimeout(300);
    expect(await editorOf(carl.page).innerText()).toBe(before);
    await screenshot(carl.page, '05-editor-read-only');
    await ana.goto(documentUrl);
    await expect.poll(() => editorOf(ana).innerText()).toContain('Stuttgart agrees.');
    expect(await editorOf(ana).innerText()).not.toContain('viewer was here');
    await carl.context.close();
  });

  it('lets the owner change a member’s role and remove them', async () => {
    await ana.goto(workspaceUrl);
    const members = ana.getByRole('region', { name: 'Members' });
    const carlsRole = members.getByRole('combobox', { name: 'Role of Carl Viewer' });
    await carlsRole.selectOption('reviewer');
    await expect.poll(() => carlsRole.inputValue()).toBe('reviewer');
    await ana.reload();
    await expect.poll(() => carlsRole.inputValue()).toBe('reviewer');

    ana.once('dialog', (dialog) => void dialog.accept());
    await members.getByRole('button', { name: 'Remove Carl Viewer' }).click();
    await expect.poll(() => carlsRole.count()).toBe(0);
    await ana.reload();
    await members.getByRole('combobox', { name: 'Role of Bea Editor' }).waitFor();
    expect(await carlsRole.count()).toBe(0);
  });

  it('keeps edits made offline and delivers them when the connection returns', async () => {
    await ana.goto(documentUrl);
    await editorOf(ana).waitFor();
    await expect.poll(() => syncStateOf(bea)).toBe('saved');
    await beaContext.setOffline(true);
    await expect.poll(() => syncStateOf(bea)).toBe('offline');
    await expect
      .poll(() => bea.getByTestId('sync-state').innerText())
      .toContain('your edits are kept');
    await typeAtEnd(bea, ' Written on the train.');
    await bea.waitForTimeout(500);
    expect(await editorOf(ana).innerText()).not.toContain('Written on the train.');
    await screenshot(bea, '06-editor-offline');

    await beaContext.setOffline(false);
    await expect
      .poll(() => editorOf(ana).innerText(), { timeout: 15_000 })
      .toContain('Written on the train.');
    await expect.poll(() => syncStateOf(bea), { timeout: 15_000 }).toBe('saved');
  });

  it('keeps the text after a reload', async () => {
    await ana.reload();
    await editorOf(ana).waitFor();
    await expect.poll(() => editorOf(ana).innerText()).toContain('Written on the train.');
    expect(await editorOf(ana).innerText()).toContain('Cities share what works.');
  });

  it('keeps edits in the browser while the server is unreachable, across a reload, then syncs them', async () => {
    let isCollabBlocked = true;
    await beaContext.routeWebSocket(/\/collab\//, (socket) => {
      if (isCollabBlocked) {
        void socket.close();
        return;
      }
      socket.connectToServer();
    });
    await bea.goto(documentUrl);
    await editorOf(bea).waitFor();
    await expect.poll(() => editorOf(bea).innerText()).toContain('Written on the train.');
    await typeAtEnd(bea, ' Kept in this browser.');
    await expect.poll(() => editorOf(bea).innerText()).toContain('Kept in this browser.');
    await expect.poll(() => syncStateOf(bea)).toBe('offline');

    // y-indexeddb commits each update in its own async transaction; a reload in the same
    // instant as the last keystroke can abort it (as closing a tab mid-keystroke would).
    await bea.waitForTimeout(400);
    await bea.reload();
    await editorOf(bea).waitFor();
    await expect.poll(() => editorOf(bea).innerText()).toContain('Kept in this browser.');
    expect(await editorOf(ana).innerText()).not.toContain('Kept in this browser.');

    isCollabBlocked = false;
    await expect
      .poll(() => editorOf(ana).innerText(), { timeout: 15_000 })
      .toContain('Kept in this browser.');
  });

  it('warns before a tab with unsynced edits is closed', async () => {
    const tab = await beaContext.newPage();
    await tab.goto(documentUrl);
    await editorOf(tab).waitFor();
    await expect.poll(() => syncStateOf(tab)).toBe('saved');
    await beaContext.setOffline(true);
    await typeAtEnd(tab, ' Not sent yet.');
    await expect.poll(() => syncStateOf(tab)).toBe('offline');
    const dialog = tab.waitForEvent('dialog');
    await tab.close({ runBeforeUnload: true });
    const shown = await dialog;
    expect(shown.type()).toBe('beforeunload');
    const closed = tab.waitForEvent('close');
    await shown.accept();
    await closed;
    await beaContext.setOffline(false);
  });
});
