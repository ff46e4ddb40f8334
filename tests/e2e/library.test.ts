/**
 * The public library in real Chromium: its owner publishes a case study with the editor's
 * status buttons; an anonymous visitor finds it by searching the library, reads it, and
 * downloads it as DOCX; the library pages pass axe under the app's strict CSP (no scripts, one
 * stylesheet).
 */
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto, OrganizationDto } from '../../shared/api/entities';
import { seedAdminWorkspace } from './server';
import { useE2eStage } from './stage';
import { editorOf, expectNoSeriousA11yIssues, PASSWORD, signIn } from './steps';

describe('public library', () => {
  const stage = useE2eStage();
  let documentId = '';

  beforeAll(async () => {
    const { admin, workspaceId } = await seedAdminWorkspace({
      serverUrl: stage.server.url,
      password: PASSWORD,
    });
    const city = await admin.post<{ organization: OrganizationDto }>('/api/organizations', {
      name: 'Bologna',
      type: 'city',
      country: 'IT',
    });
    const created = await admin.post<{ document: DocumentDto }>(
      `/api/workspaces/${workspaceId}/documents`,
      {
        title: 'Case study Bologna',
        kind: 'case-study',
        cityId: city.body.organization.id,
        policyAreas: ['housing'],
      },
    );
    documentId = created.body.document.id;
    // A second city's study, published directly, to compare with.
    const other = await admin.post<{ document: DocumentDto }>(
      `/api/workspaces/${workspaceId}/documents`,
      { title: 'Case study Stuttgart', kind: 'case-study' },
    );
    for (const status of ['in-review', 'approved', 'published']) {
      const moved = await admin.post(`/api/documents/${other.body.document.id}/status`, {
        status,
      });
      expect(moved.status).toBe(200);
    }
  });

  it('the owner publishes the case study from the editor', async () => {
    const { page } = await stage.cast.add();
    await signIn({ page, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await page.goto(`/documents/${documentId}`);
    await editorOf(page).waitFor();
    const status = page.getByTestId('document-status');
    for (const [button, shown] of [
      ['Submit for review', 'In review'],
      ['Approve', 'Approved'],
    ] as const) {
      await page.getByRole('button', { name: button, exact: true }).click();
      await expect.poll(() => status.innerText()).toBe(shown);
    }
    // Publishing asks first, naming what happens: this version goes to the public library.
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Publish this document?' });
    await confirm.getByText('public library').waitFor();
    await expectNoSeriousA11yIssues(page);
    await confirm.getByRole('button', { name: 'Publish to the library' }).click();
    await expect.poll(() => status.innerText()).toBe('Published');
  }, 60_000);

  it('finds, reads and downloads a published case study without an account', async () => {
    const { page } = await stage.cast.add();
    await page.goto('/library');
    await page.getByLabel('Search published documents').fill('bologna');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/library\?q=bologna/);
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('link', { name: 'Case study Bologna' }).click();
    await page.getByRole('heading', { level: 1, name: 'Case study Bologna' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Role of stakeholders' }).waitFor();
    // The stylesheet loaded (the CSP allows it): the metadata list is laid out as a grid.
    expect(await page.locator('dl.metadata').evaluate((el) => getComputedStyle(el).display)).toBe(
      'grid',
    );
    await expectNoSeriousA11yIssues(page);

    // On paper, the text and its metadata only: no header, search or download links.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.library-header').isVisible()).toBe(false);
    expect(await page.locator('.downloads').isVisible()).toBe(false);
    expect(
      await page.getByRole('heading', { level: 1, name: 'Case study Bologna' }).isVisible(),
    ).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.library-header').isVisible()).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'DOCX' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Case study Bologna.docx');
    const { value: html } = await mammoth.convertToHtml({
      buffer: await readFile(await download.path()),
    });
    expect(html).toContain('<h2>Role of stakeholders</h2>');
  }, 60_000);

  it('compares a section of two case studies picked in the library, and passes axe', async () => {
    const { page } = await stage.cast.add();
    await page.goto('/library');
    const form = page.getByRole('form', { name: 'Compare case studies' });
    await form.getByRole('checkbox', { name: 'Case study Bologna' }).check();
    await form.getByRole('checkbox', { name: 'Case study Stuttgart' }).check();
    await form.getByRole('combobox', { name: 'Section' }).fill('Role of stakeholders');
    await expectNoSeriousA11yIssues(page);
    await form.getByRole('button', { name: 'Compare' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare: Role of stakeholders' }).waitFor();
    await page.getByRole('region', { name: 'Case study Stuttgart' }).waitFor();
    await page.getByRole('link', { name: 'Download CSV' }).waitFor();
    await expectNoSeriousA11yIssues(page);
  }, 30_000);
});
