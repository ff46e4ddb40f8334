/**
 * Issue 17's "Done when": axe finds nothing serious or critical on every page in all four
 * languages. One person per language (the browser's locale picks it) visits each page of the
 * client, signed out and signed in, waits until it has loaded, and runs axe.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import { seedAdminWorkspace } from './server';
import { useE2eStage } from './stage';
import { seriousA11yViolations } from './axe';
import { PASSWORD } from './steps';

const LANGUAGES = [
  { locale: 'en-GB', lang: 'en' },
  { locale: 'de-DE', lang: 'de' },
  { locale: 'fr-FR', lang: 'fr' },
  { locale: 'it-IT', lang: 'it' },
] as const;

let workspaceId = '';
let documentId = '';
let invitationToken = '';

/** Opens `path`, waits for its heading and for every loading placeholder to go, runs axe. */
async function checkPage(page: Page, path: string, lang: string): Promise<void> {
  await page.goto(path);
  await page.locator('h1').first().waitFor();
  await expect.poll(() => page.locator('[aria-busy="true"]').count(), { message: path }).toBe(0);
  expect(await page.locator('html').getAttribute('lang'), path).toBe(lang);
  expect(await seriousA11yViolations(page), `${path} in ${lang}`).toEqual([]);
}

/** Signs in through the API from inside the page (the form's labels differ per language). */
async function signInFromPage(page: Page): Promise<void> {
  const status = await page.evaluate(async (password) => {
    const response = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ana@stuttgart.example', password }),
    });
    return response.status;
  }, PASSWORD);
  expect(status).toBe(200);
}

describe('accessibility of every page in every language', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    const seeded = await seedAdminWorkspace({ serverUrl: stage.server.url, password: PASSWORD });
    workspaceId = seeded.workspaceId;
    const created = await seeded.admin.post<{ document: DocumentDto }>(
      `/api/workspaces/${workspaceId}/documents`,
      { title: 'Stuttgart case study', kind: 'case-study' },
    );
    documentId = created.body.document.id;
    const invited = await seeded.admin.post<{ invitation: { token: string } }>(
      `/api/workspaces/${workspaceId}/members`,
      { email: 'new.person@bologna.example', role: 'editor' },
    );
    invitationToken = invited.body.invitation.token;
  });

  for (const { locale, lang } of LANGUAGES) {
    it(`has no serious or critical findings in ${lang}`, async () => {
      const { page } = await stage.cast.add({ locale });
      for (const path of ['/login', '/register', `/invite/${invitationToken}`]) {
        await checkPage(page, path, lang);
      }
      await signInFromPage(page);
      for (const path of [
        '/',
        `/w/${workspaceId}`,
        `/w/${workspaceId}/trash`,
        `/documents/${documentId}`,
        '/search?q=Stuttgart',
        '/account',
        '/admin',
        '/no-such-page',
      ]) {
        await checkPage(page, path, lang);
      }
    });
  }
});
