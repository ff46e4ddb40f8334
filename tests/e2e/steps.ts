/**
 * Reusable browser steps for the e2e stories: a cast of people (one isolated browser context
 * each, closed at the end), screenshots, typing into the editor, inviting and accepting.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousA11yViolations } from './axe';
import { newPerson } from './browser';

/** Where screenshots go (gitignored) so a reviewer can look at the pages. */
export const SCREENSHOTS = 'test-results/screenshots';

/** The password every test person uses. */
export const PASSWORD = 'correct-horse-42';

/** One person in the browser. */
export interface Person {
  context: BrowserContext;
  page: Page;
}

/** Makes people on one server and closes all their contexts at the end. */
export function createCast(input: { browser: Browser; baseURL: string }) {
  const people: Person[] = [];
  return {
    people,
    async add(options: { locale?: string } = {}): Promise<Person> {
      const created = await newPerson({ ...input, ...options });
      people.push(created);
      return created;
    },
    /** Saves a picture of every open page (called when a step fails). */
    async snapshotAll(label: string): Promise<void> {
      const slug = label.replace(/[^a-z0-9]+/gi, '-').slice(0, 40);
      for (const [index, { page }] of people.entries()) {
        if (page.isClosed()) continue;
        await page
          .screenshot({ path: `${SCREENSHOTS}/failed-${slug}-${index}.png` })
          .catch(() => {});
      }
    },
    async closeAll(): Promise<void> {
      for (const { context } of people) await context.close().catch(() => {});
    },
  };
}

/** Makes sure the screenshot folder exists. */
export async function prepareScreenshots(): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
}

/** A full-page screenshot named `name`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

/** The Tiptap editing surface. */
export function editorOf(page: Page) {
  return page.locator('.ProseMirror');
}

/** Clicks into the editor, goes to the very end and types `text`. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await editorOf(page).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/** The sync indicator's state: connecting | saving | saved | offline. */
export function syncStateOf(page: Page): Promise<string | null> {
  return page.getByTestId('sync-state').getAttribute('data-state');
}

/** Fails with the rule and elements when axe finds serious or critical problems. */
export async function expectNoSeriousA11yIssues(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
}

/** Signs in through the login form and waits for the dashboard. */
export async function signIn(input: { page: Page; email: string; name: string }): Promise<void> {
  const { page } = input;
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(input.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: `Welcome, ${input.name}` }).waitFor();
}

/** Invites `email` with `role` from the workspace page and returns the copied link. */
export async function inviteFromWorkspace(input: {
  page: Page;
  workspaceUrl: string;
  email: string;
  role: string;
}): Promise<string> {
  const { page } = input;
  await page.goto(input.workspaceUrl);
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByRole('textbox', { name: 'E-mail' }).fill(input.email);
  await form.getByRole('combobox', { name: 'Role' }).selectOption(input.role);
  await form.getByRole('button', { name: 'Add', exact: true }).click();
  const link = page.getByTestId('copy-field-value');
  await expect.poll(() => link.inputValue()).toContain('/invite/');
  await page.getByRole('button', { name: 'Copy' }).click();
  await page.getByRole('button', { name: 'Copied' }).waitFor();
  return link.inputValue();
}

/** Accepts an invitation link as a new person in a fresh browser context. */
export async function acceptInvitation(input: {
  cast: ReturnType<typeof createCast>;
  link: string;
  name: string;
}): Promise<Person> {
  const invited = await input.cast.add();
  const { page } = invited;
  await page.goto(input.link);
  await page.getByRole('heading', { name: 'Join CLIP Workspace' }).waitFor();
  await page.getByLabel('Full name').fill(input.name);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Accept and create account' }).click();
  await page.getByRole('heading', { name: `Welcome, ${input.name}` }).waitFor();
  return invited;
}

/** Adds a link to the editor's selection through the toolbar's Link dialog. */
export async function addLinkThroughDialog(page: Page, address: string): Promise<void> {
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Link' });
  await dialog.getByRole('textbox', { name: 'Link address' }).fill(address);
  await dialog.getByRole('button', { name: /^(Add|Update) link$/ }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Inserts an image at the editor's cursor through the toolbar's image dialog. */
export async function insertImageThroughDialog(
  page: Page,
  image: { address: string; alt: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Image from URL' }).click();
  const dialog = page.getByRole('dialog', { name: 'Insert image' });
  await dialog.getByRole('textbox', { name: 'Image address' }).fill(image.address);
  await dialog.getByRole('textbox', { name: 'Text alternative' }).fill(image.alt);
  await dialog.getByRole('button', { name: 'Insert image' }).click();
  await dialog.waitFor({ state: 'hidden' });
}
