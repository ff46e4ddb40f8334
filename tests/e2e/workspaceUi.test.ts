/**
 * The workspace and editor screens around the co-editing story, in real Chromium: sign-in,
 * the status workflow and details panel, filters, the error screen with retry, the tablet
 * layout, keyboard use with visible focus, and the German interface. The admin, workspace and
 * document are made through the API so these steps start from a known state.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import { createApiClient } from '../helpers/server';
import { seedAdminWorkspace } from './server';
import { useE2eStage } from './stage';
import { editorOf, expectNoSeriousA11yIssues, PASSWORD, screenshot, signIn } from './steps';

let ana: Page;
let documentUrl = '';
let workspaceUrl = '';
let admin: ReturnType<typeof createApiClient>;

describe('workspace and editor screens', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    const seeded = await seedAdminWorkspace({ serverUrl: stage.server.url, password: PASSWORD });
    admin = seeded.admin;
    workspaceUrl = `/w/${seeded.workspaceId}`;
    const document = await admin.post<{ document: DocumentDto }>(
      `/api/workspaces/${seeded.workspaceId}/documents`,
      { title: 'Guideline on affordable housing', kind: 'guideline' },
    );
    documentUrl = `/documents/${document.body.document.id}`;
  });

  it('signs in from an accessible login page', async () => {
    ({ page: ana } = await stage.cast.add());
    await ana.goto('/');
    await ana.waitForURL('**/login?next=*');
    await ana.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectNoSeriousA11yIssues(ana);
    await screenshot(ana, '00-login');
    await ana.getByLabel('E-mail').fill('ana@stuttgart.example');
    await ana.getByLabel('Password').fill('not-the-password');
    await ana.getByRole('button', { name: 'Sign in' }).click();
    await ana
      .getByRole('alert')
      .getByText('That e-mail and password do not match an account.')
      .waitFor();
    await signIn({ page: ana, email: 'ana@stuttgart.example', name: 'Ana Admin' });
  });

  it('lets the network admin add a city from the Network page', async () => {
    await ana
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Network' })
      .click();
    await ana.getByRole('heading', { name: 'Network administration' }).waitFor();
    await ana.getByText('No organisations yet.').waitFor();
    const form = ana.getByRole('form', { name: 'Add organisation' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Stuttgart');
    await form.getByRole('combobox', { name: 'Type' }).selectOption('city');
    await form.getByRole('textbox', { name: 'Country code' }).fill('de');
    await form.getByRole('button', { name: 'Add organisation' }).click();
    await ana.getByRole('cell', { name: 'Stuttgart', exact: true }).waitFor();
    await ana.getByRole('cell', { name: 'DE' }).waitFor();
    const invite = ana.getByRole('region', { name: 'Invite someone to the network' });
    await invite.getByRole('textbox', { name: 'E-mail' }).fill('olga@oxford.example');
    await invite.getByRole('button', { name: 'Create invitation' }).click();
    await expect
      .poll(() => invite.getByTestId('copy-field-value').inputValue())
      .toMatch(/\/invite\//);
    // No SMTP_URL in this test server: the box says the link must be passed on by hand.
    await expect
      .poll(() => invite.getByRole('status').innerText())
      .toContain(
        'This server sends no e-mail (no mail server is set up): copy the link and send it to olga@oxford.example yourself.',
      );
    await expectNoSeriousA11yIssues(ana);
    await screenshot(ana, '10-admin');
  });

  it('moves the document through the workflow with the status buttons', async () => {
    await ana.goto(documentUrl);
    await editorOf(ana).waitFor();
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
    await details.getByRole('combobox', { name: 'City' }).selectOption({ label: 'Stuttgart' });
    // Saved as typed, with no Save button.
    expect(await details.getByRole('button', { name: /save/i }).count()).toBe(0);
    await expect
      .poll(() => details.getByTestId('details-save-state').getAttribute('data-state'))
      .toBe('saved');
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
    await ana.setViewportSize({ width: 820, height: 1180 });
    await ana.goto(documentUrl);
    await editorOf(ana).waitFor();
    await ana.getByRole('toolbar', { name: 'Formatting' }).waitFor();
    const editorBox = await editorOf(ana).boundingBox();
    expect(editorBox?.width ?? 0).toBeGreaterThan(600);
    await screenshot(ana, '09-editor-tablet');
    await ana.setViewportSize({ width: 1366, height: 900 });
  });

  it('filters the workspace documents by kind', async () => {
    await ana.goto(workspaceUrl);
    const table = ana.getByRole('table');
    await table.getByRole('link', { name: /Guideline on affordable housing/ }).waitFor();
    const filters = ana.getByRole('search', { name: 'Filter documents' });
    await filters.getByRole('combobox', { name: 'City' }).selectOption({ label: 'Stuttgart' });
    await expect
      .poll(() => table.getByRole('cell', { name: 'Stuttgart', exact: true }).count())
      .toBe(1);
    await filters.getByRole('combobox', { name: 'Kind' }).selectOption('minutes');
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
    // The dashboard's lists (workspaces, shared with me, reviews) come before the button and
    // may still be filling in: Tab on until it has focus, and say so if it never does.
    const isFocused = () => newWorkspace.evaluate((element) => element === document.activeElement);
    for (let step = 0; step < 40 && !(await isFocused()); step += 1) {
      await ana.keyboard.press('Tab');
    }
    expect(await isFocused()).toBe(true);
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

  it('lets newcomers register themselves once an admin opens registration', async () => {
    const visitor = await stage.cast.add();
    await visitor.page.goto('/login');
    await visitor.page.getByText('Ask a workspace owner for an invitation link.').waitFor();

    await ana.goto('/admin');
    await ana.getByRole('checkbox', { name: /without an invitation/ }).check();
    await ana.getByRole('status').getByText('Settings saved.').waitFor();
    await visitor.page.reload();
    await visitor.page.getByRole('link', { name: 'Create one.' }).click();
    await visitor.page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await expectNoSeriousA11yIssues(visitor.page);
    await visitor.page.getByLabel('Full name').fill('Nia Newcomer');
    await visitor.page.getByLabel('E-mail').fill('nia@vienna.example');
    await visitor.page.getByLabel('Password').fill(PASSWORD);
    await visitor.page.getByRole('button', { name: 'Create account' }).click();
    await visitor.page.getByRole('heading', { name: 'Welcome, Nia Newcomer' }).waitFor();
    await visitor.page.getByText('No workspaces yet').waitFor();
  });

  it('moves a document to the trash from the details panel', async () => {
    await ana.goto(documentUrl);
    await editorOf(ana).waitFor();
    ana.once('dialog', (confirm) => void confirm.accept());
    await ana.getByRole('button', { name: 'Move to trash' }).click();
    await ana.waitForURL(`**${workspaceUrl}`);
    await ana.getByText('No documents yet').waitFor();
  });
});
