/**
 * Templates that guide (issue 17 item 5): a new case study is headings only; each section's
 * guidance shows as placeholder text in its empty paragraph (exposed to screen readers, in the
 * document's language), typing replaces it, and it never reaches the stored text or an export.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import type { ApiClient } from '../helpers/server';
import { seedAdminWorkspace } from './server';
import { useE2eStage } from './stage';
import {
  editorOf,
  expectNoSeriousA11yIssues,
  PASSWORD,
  prepareScreenshots,
  screenshot,
  signIn,
  syncStateOf,
} from './steps';

const CITY_PROFILE_GUIDANCE =
  'Describe the city: population, migrant population, main countries of origin and recent trends.';

let admin: ApiClient;
let workspaceId = '';

async function newCaseStudy(input: { title: string; language: string }): Promise<DocumentDto> {
  const created = await admin.post<{ document: DocumentDto }>(
    `/api/workspaces/${workspaceId}/documents`,
    { title: input.title, kind: 'case-study', language: input.language },
  );
  expect(created.status).toBe(201);
  return created.body.document;
}

/** The guidance placeholders the editor shows, in document order. */
function guidanceShown(page: Page): Promise<string[]> {
  return editorOf(page)
    .locator('p.section-guidance')
    .evaluateAll((paragraphs) => paragraphs.map((p) => p.getAttribute('data-guidance') ?? ''));
}

describe('template guidance', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    await prepareScreenshots();
    ({ admin, workspaceId } = await seedAdminWorkspace({
      serverUrl: stage.server.url,
      password: PASSWORD,
    }));
  });

  it('shows each section’s guidance as a placeholder that typing replaces and nothing stores', async () => {
    const document = await newCaseStudy({ title: 'Stuttgart case study', language: 'en' });
    // Headings only: no guidance in the stored text.
    expect(document.wordCount).toBe(18);
    const { page } = await stage.cast.add();
    await signIn({ page, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await page.goto(`/documents/${document.id}`);
    await expect.poll(() => syncStateOf(page)).toBe('saved');

    await expect.poll(() => guidanceShown(page)).toHaveLength(7);
    expect((await guidanceShown(page))[0]).toBe(CITY_PROFILE_GUIDANCE);
    // Screen readers are given it: it is part of the editor's accessibility tree.
    expect(await editorOf(page).ariaSnapshot()).toContain('Describe the city');
    // Shown, never written: the editor's text has the headings only.
    expect(await editorOf(page).evaluate((root) => root.textContent ?? '')).not.toContain(
      'Describe the city',
    );
    await expectNoSeriousA11yIssues(page);

    // Typing into the first section replaces its guidance; the other sections keep theirs.
    await editorOf(page).locator('p.section-guidance').first().click();
    await page.keyboard.type('Stuttgart has 630,000 inhabitants.');
    await expect.poll(() => guidanceShown(page)).toHaveLength(6);
    expect(await guidanceShown(page)).not.toContain(CITY_PROFILE_GUIDANCE);
    const cityProfile = editorOf(page).locator('h2', { hasText: 'City profile' });
    expect(
      await cityProfile.evaluate((heading) => heading.nextElementSibling?.textContent ?? ''),
    ).toBe('Stuttgart has 630,000 inhabitants.');
    await expect.poll(() => syncStateOf(page)).toBe('saved');

    // Emptying the section brings its guidance back; then a short text for the export.
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await expect.poll(() => guidanceShown(page)).toHaveLength(7);
    await page.keyboard.type('Stuttgart.');
    await expect.poll(() => guidanceShown(page)).toHaveLength(6);
    await expect.poll(() => syncStateOf(page)).toBe('saved');

    // The stored text and the exports carry what was typed, never the guidance.
    const markdown = await admin.get<string>(`/api/documents/${document.id}/export?format=md`);
    expect(markdown.status).toBe(200);
    const exported = String(markdown.body);
    expect(exported).toContain('Stuttgart.');
    expect(exported).toContain('## Policy context');
    expect(exported).not.toContain('Summarise the national');
  });

  it('shows the guidance in the document’s language', async () => {
    const document = await newCaseStudy({ title: 'Fallstudie Stuttgart', language: 'de' });
    const { page } = await stage.cast.add();
    await signIn({ page, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await page.goto(`/documents/${document.id}`);
    await expect
      .poll(async () => (await guidanceShown(page))[0] ?? '')
      .toContain('Beschreiben Sie die Stadt');
    expect(await editorOf(page).locator('h2').first().innerText()).toBe('Stadtprofil');

    // On a phone the guidance wraps onto several lines and its paragraph grows with it, so it
    // never runs over the next heading.
    await page.setViewportSize({ width: 390, height: 844 });
    const first = editorOf(page).locator('p.section-guidance').first();
    const next = editorOf(page).locator('h2').nth(1);
    await expect
      .poll(async () => {
        const [paragraph, heading] = [await first.boundingBox(), await next.boundingBox()];
        return paragraph && heading ? heading.y - (paragraph.y + paragraph.height) : -1;
      })
      .toBeGreaterThanOrEqual(0);
    expect((await first.boundingBox())?.height ?? 0).toBeGreaterThan(40);
    await screenshot(page, 'template-guidance-phone');
  });
});
