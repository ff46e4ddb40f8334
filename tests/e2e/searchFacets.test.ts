/**
 * Search in real Chromium (issue 15): Ctrl+K focuses the header's search box from the editor
 * and Enter opens the results (a word's beginning is enough); every facet the server counts
 * (kind, status, policy area, city) shows as a group of filters with counts, in the person's
 * language; a filter is chosen and cleared with the keyboard alone, narrowing the results
 * and the address. The page passes axe.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto, OrganizationDto } from '../../shared/api/entities';
import { createApiClient } from '../helpers/server';
import { seedAdminWorkspace } from './server';
import { useE2eStage } from './stage';
import { expectNoSeriousA11yIssues, PASSWORD, signIn } from './steps';

let admin: ReturnType<typeof createApiClient>;
let notesId: string;

function facet(page: Page, name: string) {
  return page.getByRole('group', { name });
}

function resultTitles(page: Page): Promise<string[]> {
  return page.locator('.search__results li a').allInnerTexts();
}

describe('search facets', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    const seeded = await seedAdminWorkspace({ serverUrl: stage.server.url, password: PASSWORD });
    admin = seeded.admin;
    const city = await admin.post<{ organization: OrganizationDto }>('/api/organizations', {
      name: 'City of Bologna',
      type: 'city',
      country: 'it',
    });
    const create = (body: Record<string, unknown>) =>
      admin.post<{ document: DocumentDto }>(
        `/api/workspaces/${seeded.workspaceId}/documents`,
        body,
      );
    await create({
      title: 'Shelter study Bologna',
      kind: 'case-study',
      cityId: city.body.organization.id,
      policyAreas: ['housing'],
    });
    notesId = (await create({ title: 'Shelter notes', kind: 'note' })).body.document.id;
    await create({ title: 'Shelter guideline', kind: 'guideline', policyAreas: ['housing'] });
  });

  it('Ctrl+K in the editor focuses the header search; Enter shows what a prefix finds', async () => {
    const { page } = await stage.cast.add();
    await signIn({ page, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await page.goto(`/documents/${notesId}`);
    const editor = page.locator('.ProseMirror');
    await editor.click();
    const box = page.getByRole('search', { name: 'Search' }).getByRole('searchbox');
    await expect.poll(() => box.evaluate((input) => input === document.activeElement)).toBe(false);
    await page.keyboard.press('Control+k');
    await expect.poll(() => box.evaluate((input) => input === document.activeElement)).toBe(true);
    await page.keyboard.type('shelt');
    // The keystrokes went to the box, not into the document.
    expect(await box.inputValue()).toBe('shelt');
    expect(await editor.innerText()).not.toContain('shelt');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search');
    expect(new URL(page.url()).searchParams.get('q')).toBe('shelt');
    await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toHaveLength(3);
  });

  it('shows every facet with counts and filters with the keyboard', async () => {
    const { page } = await stage.cast.add();
    await signIn({ page, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await page.goto('/search?q=shelter');
    await expect.poll(() => resultTitles(page), { timeout: 10_000 }).toHaveLength(3);

    expect(await facet(page, 'Kind').getByRole('button').allInnerTexts()).toEqual(
      expect.arrayContaining(['Case study (1)', 'Note (1)', 'Guideline (1)']),
    );
    expect(await facet(page, 'Status').getByRole('button').allInnerTexts()).toEqual(['Draft (3)']);
    expect(await facet(page, 'Policy area').getByRole('button').allInnerTexts()).toEqual([
      'Housing (2)',
    ]);
    expect(await facet(page, 'City').getByRole('button').allInnerTexts()).toEqual([
      'City of Bologna (1)',
    ]);
    await expectNoSeriousA11yIssues(page);

    // Keyboard only: focus the policy-area filter, Enter turns it on, Space turns it off.
    const housing = facet(page, 'Policy area').getByRole('button', { name: 'Housing (2)' });
    await housing.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => resultTitles(page)).toHaveLength(2);
    expect(await housing.getAttribute('aria-pressed')).toBe('true');
    expect(new URL(page.url()).searchParams.get('policyArea')).toBe('housing');
    expect(await facet(page, 'Kind').getByRole('button').allInnerTexts()).not.toContain('Note (1)');

    await facet(page, 'Policy area').getByRole('button', { name: 'Housing (2)' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => resultTitles(page)).toHaveLength(3);
    expect(new URL(page.url()).searchParams.get('policyArea')).toBeNull();

    const city = facet(page, 'City').getByRole('button', { name: 'City of Bologna (1)' });
    await city.click();
    await expect.poll(() => resultTitles(page)).toEqual(['Shelter study Bologna']);
  });
});
