/**
 * An editor whose role is lowered while typing: the server drops their edits within seconds,
 * so the editor must turn read-only soon too, instead of staying editable and "Saved" until
 * the next scheduled token refresh up to a minute later.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import { createApiClient, inviteAndRegister } from '../helpers/server';
import { seedAdminWorkspace } from './server';
import { useE2eStage } from './stage';
import { editorOf, PASSWORD, signIn, syncStateOf, typeAtEnd } from './steps';

let admin: ReturnType<typeof createApiClient>;
let workspaceId = '';
let editorId = '';
let documentUrl = '';

describe('editor whose role is lowered while typing', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    const seeded = await seedAdminWorkspace({ serverUrl: stage.server.url, password: PASSWORD });
    admin = seeded.admin;
    workspaceId = seeded.workspaceId;
    const editor = await inviteAndRegister({
      admin,
      email: 'eda@bologna.example',
      name: 'Eda Editor',
      password: PASSWORD,
    });
    editorId = editor.user.id;
    await admin.post(`/api/workspaces/${workspaceId}/members`, {
      email: 'eda@bologna.example',
      role: 'editor',
    });
    const document = await admin.post<{ document: DocumentDto }>(
      `/api/workspaces/${workspaceId}/documents`,
      { title: 'Bologna case study', kind: 'case-study' },
    );
    documentUrl = `/documents/${document.body.document.id}`;
  });

  it('turns read-only within seconds once the owner makes the editor a reviewer', async () => {
    const { page } = await stage.cast.add();
    const eda: Page = page;
    await signIn({ page: eda, email: 'eda@bologna.example', name: 'Eda Editor' });
    await eda.goto(documentUrl);
    await expect.poll(() => syncStateOf(eda)).toBe('saved');
    await typeAtEnd(eda, 'Before the change.');

    const changed = await admin.patch(`/api/workspaces/${workspaceId}/members/${editorId}`, {
      role: 'reviewer',
    });
    expect(changed.status).toBe(200);
    // Keep typing, as someone would who has not noticed anything.
    const banner = eda.getByTestId('read-only-banner');
    for (let second = 0; second < 12 && !(await banner.isVisible()); second += 1) {
      await eda.keyboard.type(' more');
      await eda.waitForTimeout(1_000);
    }
    await expect.poll(() => banner.innerText()).toContain('You are a reviewer here');
    // Reviewers suggest (issue 13): the editor stays open, in suggestion mode only.
    expect(await editorOf(eda).getAttribute('contenteditable')).toBe('true');
    // The details panel follows the new role too: a reviewer cannot change the details.
    const details = eda.getByRole('complementary', { name: 'Details' });
    await expect
      .poll(() => details.getByRole('textbox', { name: 'Title' }).getAttribute('readonly'))
      .not.toBeNull();
    expect(await details.getByTestId('details-save-state').count()).toBe(0);
  });
});
