/**
 * The product's main story in real Chromium against the real server and built client:
 * first-account setup, a workspace and a document made through the UI, a colleague invited
 * by copied link, live co-editing with named carets, a read-only viewer, offline edits that
 * sync on reconnect, reload persistence, and accessibility scans of the main pages.
 * The steps share one server and build on each other, so they run in order.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startE2eServer, type E2eServer } from './server';
import { seriousA11yViolations } from './axe';
import { launchBrowser, newPerson } from './browser';

const SCREENSHOTS = 'test-results/screenshots';
const PASSWORD = 'correct-horse-42';

let server: E2eServer;
let browser: Browser;
const people: { context: BrowserContext; page: Page }[] = [];
let ana: Page;
let bea: Page;
let beaContext: BrowserContext;
let documentUrl = '';
let workspaceUrl = '';

async function person(): Promise<{ context: BrowserContext; page: Page }> {
  const created = await newPerson({ browser, baseURL: server.url });
  people.push(created);
  return created;
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** Invites `email` with `role` from the workspace page and returns the copied link. */
async function inviteFromWorkspace(input: {
  page: Page;
  email: string;
  role: string;
}): Promise<string> {
  const { page, email, role } = input;
  await page.goto(workspaceUrl);
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await form.getByRole('combobox', { name: 'Role' }).selectOption(role);
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  const link = page.getByTestId('copy-field-value');
  await expect.poll(() => link.inputValue()).toContain('/invite/');
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.getByRole('button', { name: 'Copied' }).waitFor();
  return link.inputValue();
}

/** Accepts an invitation link in a fresh browser context. */
async function acceptInvitation(input: {
  link: string;
  name: string;
}): Promise<{ context: BrowserContext; page: Page }> {
  const invited = await person();
  await invited.page.goto(input.link);
  await invited.page.getByRole('heading', { name: 'Join CLIP Workspace' }).waitFor();
  await invited.page.getByLabel('Full name').fill(input.name);
  await invited.page.getByLabel('Password').fill(PASSWORD);
  await invited.page.getByRole('button', { name: 'Accept and create account' }).click();
  await invited.page.getByRole('heading', { name: `Welcome, ${input.name}` }).waitFor();
  return invited;
}

function editorOf(page: Page) {
  return page.locator('.ProseMirror');
}

async function typeAtEnd(page: Page, text: string): Promise<void> {
  const editor = editorOf(page);
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

async function expectNoSeriousA11yIssues(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

describe('co-editing in the browser', () => {
  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    server = await startE2eServer();
    browser = await launchBrowser();
  });

  // A failed step leaves a picture of every open page, so the failure can be seen, not guessed.
  afterEach(async (context) => {
    if (context.task.result?.state !== 'fail') return;
    const slug = context.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40);
    for (const [index, { page }] of people.entries()) {
      if (!page.isClosed())
        await page
          .screenshot({ path: `${SCREENSHOTS}/failed-${slug}-${index}.png` })
          .catch(() => {});
    }
  });

  afterAll(async () => {
    for (const { context } of people) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('sends the first visitor to setup and creates the admin account through the UI', async () => {
    ({ page: ana } = await person());
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
    await expect.poll(() => ana.getByTestId('sync-state').getAttribute('data-state')).toBe('saved');
    await typeAtEnd(ana, 'Cities share what works.');
    await expect.poll(() => editorOf(ana).innerText()).toContain('Cities share what works.');
    await expect.poll(() => ana.getByTestId('sync-state').getAttribute('data-state')).toBe('saved');
  });

  it('invites a colleague by copied link; they accept it in their own browser', async () => {
    const link = await inviteFromWorkspace({
      page: ana,
      email: 'bea@bologna.example',
      role: 'editor',
    });
    expect(link).toMatch(/^http:\/\/.+\/invite\/[A-Za-z0-9_-]+$/);
    await screenshot(ana, '03-workspace-members');
    const invited = await acceptInvitation({ link, name: 'Bea Editor' });
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

  it('undoes only your own change, and syncs tables inserted from the toolbar', async () => {
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
  });

  it('shows live "people here" badges on the workspace page', async () => {
    const watcher = await person();
    await watcher.page.goto('/login');
    await watcher.page.getByLabel('E-mail').fill('ana@stuttgart.example');
    await watcher.page.getByLabel('Password').fill(PASSWORD);
    await expectNoSeriousA11yIssues(watcher.page);
    await screenshot(watcher.page, '00-login');
    await watcher.page.getByRole('button', { name: 'Sign in' }).click();
    await watcher.page.getByRole('heading', { name: 'Welcome, Ana Admin' }).waitFor();
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
      email: 'carl@liege.example',
      role: 'viewer',
    });
    const carl = await acceptInvitation({ link, name: 'Carl Viewer' });
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
    await expect.poll(() => bea.getByTestId('sync-state').getAttribute('data-state')).toBe('saved');
    await beaContext.setOffline(true);
    await expect
      .poll(() => bea.getByTestId('sync-state').getAttribute('data-state'))
      .toBe('offline');
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
    await expect
      .poll(() => bea.getByTestId('sync-state').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('saved');
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
    await expect
      .poll(() => bea.getByTestId('sync-state').getAttribute('data-state'))
      .toBe('offline');

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

  it('moves the document through the workflow with the status buttons', async () => {
    const status = ana.getByTestId('document-status');
    await expect.poll(() => status.innerText()).toBe('Draft');
    await ana.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => status.innerText()).toBe('In review');
    await ana.getByRole('button', { name: 'Approve' }).waitFor();
    await ana.getByRole('button', { name: 'Back to draft' }).waitFor();

    const details = ana.getByRole('complementary', { name: 'Details' });
    await details
      .getByRole('textbox', { name: 'Title' })
      .fill('Guideline on affordable housing 2026');
    await details.getByRole('button', { name: 'Save details' }).click();
    await ana
      .getByRole('heading', { level: 1, name: 'Guideline on affordable housing 2026' })
      .waitFor();
  });

  it('explains a failed page load and offers a retry', async () => {
    await ana.goto('/documents/no-such-document');
    const alert = ana.getByRole('alert');
    await alert.getByText('This does not exist, or it was deleted.').waitFor();
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    await screenshot(ana, '08-error');
  });

  it('lays the editor out for a tablet', async () => {
    await bea.setViewportSize({ width: 820, height: 1180 });
    await bea.goto(documentUrl);
    await editorOf(bea).waitFor();
    await bea.getByRole('toolbar', { name: 'Formatting' }).waitFor();
    const editorBox = await editorOf(bea).boundingBox();
    expect(editorBox?.width ?? 0).toBeGreaterThan(600);
    await screenshot(bea, '09-editor-tablet');
  });

  it('filters the workspace documents by kind', async () => {
    await ana.goto(workspaceUrl);
    const table = ana.getByRole('table');
    await table.getByRole('link', { name: /Guideline on affordable housing/ }).waitFor();
    await ana.getByRole('search').getByRole('combobox', { name: 'Kind' }).selectOption('minutes');
    await ana.getByText('No documents match these filters.').waitFor();
    await ana.getByRole('button', { name: 'Clear filters' }).first().click();
    await table.getByRole('link', { name: /Guideline on affordable housing/ }).waitFor();
  });

  it('can be driven from the keyboard, with a visible focus ring', async () => {
    await ana.goto('/');
    await ana.getByRole('heading', { name: 'Welcome, Ana Admin' }).waitFor();
    await ana.keyboard.press('Tab');
    const skipLink = ana.getByRole('link', { name: 'Skip to content' });
    await expect
      .poll(() => skipLink.evaluate((element) => element === document.activeElement))
      .toBe(true);
    const outline = await skipLink.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe('none');

    const newWorkspace = ana.getByRole('button', { name: 'New workspace' });
    for (let step = 0; step < 12; step += 1) {
      if (await newWorkspace.evaluate((element) => element === document.activeElement)) break;
      await ana.keyboard.press('Tab');
    }
    await ana.keyboard.press('Enter');
    const dialog = ana.getByRole('dialog', { name: 'New workspace' });
    await dialog.waitFor();
    await expect
      .poll(() =>
        dialog
          .getByRole('textbox', { name: 'Name' })
          .evaluate((element) => element === document.activeElement),
      )
      .toBe(true);
    await ana.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
  });

  it('switches the interface to German from the account menu', async () => {
    await ana.goto('/');
    await ana.getByRole('button', { name: /Account menu/ }).click();
    await ana.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await ana.getByRole('heading', { name: 'Willkommen, Ana Admin' }).waitFor();
    await ana.getByRole('heading', { name: 'Ihre Arbeitsbereiche' }).waitFor();
    expect(await ana.locator('html').getAttribute('lang')).toBe('de');
    await screenshot(ana, '07-dashboard-de');
    await ana.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await ana.getByRole('heading', { name: 'Welcome, Ana Admin' }).waitFor();
  });
});
