/**
 * The interface in four languages, in real Chromium (issue 17): a French browser gets the
 * French sign-in page, the language can be switched before signing in, a document written in
 * German starts from the German template and its text carries `lang="de"`, and every page
 * visited passes axe in each language.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedAdminWorkspace } from './server';
import { useE2eStage } from './stage';
import { expectNoSeriousA11yIssues, PASSWORD } from './steps';

let workspaceId: string;

async function signInWith(page: Page, labels: { email: string; password: string; submit: string }) {
  await page.getByLabel(labels.email).fill('ana@stuttgart.example');
  await page.getByLabel(labels.password).fill(PASSWORD);
  await page.getByRole('button', { name: labels.submit }).click();
}

describe('interface languages', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    ({ workspaceId } = await seedAdminWorkspace({
      serverUrl: stage.server.url,
      password: PASSWORD,
    }));
  });

  it('follows a French browser, and switches to Italian before signing in', async () => {
    const { page } = await stage.cast.add({ locale: 'fr-BE' });
    await page.goto('/login');
    await page.getByRole('heading', { name: 'Connexion' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expectNoSeriousA11yIssues(page);

    await page.getByRole('combobox', { name: 'Langue' }).selectOption('it');
    await page.getByRole('heading', { name: 'Accedi' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('it');
    await expectNoSeriousA11yIssues(page);

    await signInWith(page, { email: 'E-mail', password: 'Password', submit: 'Accedi' });
    await page.getByRole('heading', { name: 'Benvenuto, Ana Admin' }).waitFor();
    await expectNoSeriousA11yIssues(page);
  });

  it('starts a German case study from the German template, its text marked lang="de"', async () => {
    const { page } = await stage.cast.add({ locale: 'de-DE' });
    await page.goto('/login');
    await signInWith(page, { email: 'E-Mail', password: 'Passwort', submit: 'Anmelden' });
    await page.getByRole('heading', { name: 'Willkommen, Ana Admin' }).waitFor();
    await expectNoSeriousA11yIssues(page);

    await page.goto(`/w/${workspaceId}`);
    await page.getByRole('button', { name: 'Neues Dokument' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Neues Dokument' });
    const language = dialog.getByRole('combobox', { name: 'Sprache des Textes' });
    expect(await language.inputValue()).toBe('de');
    await dialog.getByRole('textbox', { name: 'Titel' }).fill('Fallstudie Stuttgart');
    await dialog.getByRole('combobox', { name: 'Art' }).selectOption('case-study');
    await expectNoSeriousA11yIssues(page);
    await dialog.getByRole('button', { name: 'Anlegen und öffnen' }).click();

    const text = page.locator('[lang="de"] .ProseMirror');
    await text.waitFor();
    await expect.poll(() => text.innerText()).toContain('Rolle der Akteure');
    await expectNoSeriousA11yIssues(page);

    // Changing the language in the details re-marks the text at once.
    await page.getByRole('combobox', { name: 'Sprache des Textes' }).selectOption('hr');
    await page.locator('[lang="hr"] .ProseMirror').waitFor();
  });
});
