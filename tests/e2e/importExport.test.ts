/**
 * Imports and exports in real Chromium: Ana imports a city's Word case study from the
 * workspace's "New document" dialog (keeping the original file), finds its structure in the
 * editor, downloads the original from the details panel and the document again as Word
 * through the editor's Export menu, and prints it without the editor's controls.
 */
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedAdminWorkspace } from './server';
import { useE2eStage } from './stage';
import {
  editorOf,
  expectNoSeriousA11yIssues,
  PASSWORD,
  screenshot,
  signIn,
  syncStateOf,
} from './steps';

const BOLOGNA_DOCX = path.join(import.meta.dirname, '..', 'fixtures', 'case-study-bologna.docx');

describe('import and export', () => {
  const stage = useE2eStage();
  let ana: Page;
  let workspaceUrl = '';

  beforeAll(async () => {
    const seeded = await seedAdminWorkspace({ serverUrl: stage.server.url, password: PASSWORD });
    workspaceUrl = `/w/${seeded.workspaceId}`;
  });

  it('imports a Word case study from the new-document dialog', async () => {
    ({ page: ana } = await stage.cast.add());
    await ana.goto('/login');
    await signIn({ page: ana, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await ana.goto(workspaceUrl);
    await ana.getByRole('button', { name: 'New document' }).click();
    const dialog = ana.getByRole('dialog', { name: 'New document' });
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption('case-study');
    await dialog.getByLabel('Or import a file (optional)').setInputFiles(BOLOGNA_DOCX);
    // The file is kept only on request: the checkbox appears once a file is chosen.
    await dialog.getByRole('checkbox', { name: /Keep the original file/ }).check();
    await expectNoSeriousA11yIssues(ana);
    await dialog.getByRole('button', { name: 'Import and open' }).click();
    await ana.waitForURL('**/documents/*');
    await ana.getByRole('heading', { level: 1, name: 'case-study-bologna' }).waitFor();
    await expect.poll(() => syncStateOf(ana)).toBe('saved');
    const editor = editorOf(ana);
    await editor.getByRole('heading', { name: 'Role of stakeholders' }).waitFor();
    await editor.getByRole('cell', { name: 'Navile' }).waitFor();
    await editor.getByRole('link', { name: 'the city website' }).waitFor();
    await screenshot(ana, 'import-01-imported');
  });

  it('downloads the kept original Word file from the details panel', async () => {
    const link = ana.getByTestId('original-file-link');
    await expect.poll(() => link.textContent()).toBe('case-study-bologna.docx');
    const [download] = await Promise.all([ana.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('case-study-bologna.docx');
    const file = await readFile(await download.path());
    expect(file.equals(await readFile(BOLOGNA_DOCX))).toBe(true);
  });

  it('downloads the document as Word from the Export menu', async () => {
    await ana.getByText('Export', { exact: true }).click();
    await ana.getByRole('link', { name: 'PDF (.pdf)' }).waitFor();
    await expectNoSeriousA11yIssues(ana);
    const [download] = await Promise.all([
      ana.waitForEvent('download'),
      ana.getByRole('link', { name: 'Word (.docx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('case-study-bologna.docx');
    const file = await readFile(await download.path());
    const { value: html } = await mammoth.convertToHtml({ buffer: file });
    expect(html).toContain('<h2>Role of stakeholders</h2>');
    expect(html).toContain('Navile');
  });

  it('prints only the document: no toolbar, side panel or menus on paper', async () => {
    await ana.emulateMedia({ media: 'print' });
    await expect.poll(() => ana.locator('.toolbar').isVisible()).toBe(false);
    await expect.poll(() => ana.locator('.details').isVisible()).toBe(false);
    await expect.poll(() => ana.locator('.app-header').isVisible()).toBe(false);
    await expect.poll(() => ana.locator('.export-menu').isVisible()).toBe(false);
    expect(await editorOf(ana).getByRole('heading', { name: 'Findings' }).isVisible()).toBe(true);
    await screenshot(ana, 'import-02-print');
    await ana.emulateMedia({ media: 'screen' });
    expect(await ana.locator('.toolbar').isVisible()).toBe(true);
  });
});
