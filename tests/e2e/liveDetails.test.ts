/**
 * Live document details (issue 10, item 2) in real Chromium: two people edit the details
 * panel of one document at once and neither change is lost, and a status change made by one
 * person shows on another person's open editor and workspace list within a second. What was
 * typed into a field and not yet saved is kept when the person leaves the page at once.
 * Needs the server side of the contract: `DocumentDto.version`, `baseVersion` with 409
 * `version_conflict`, and the `document:updated` broadcast.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentDto } from '../../shared/api/entities';
import { createApiClient, inviteAndRegister } from '../helpers/server';
import { seedAdminWorkspace } from './server';
import { useE2eStage } from './stage';
import { editorOf, PASSWORD, signIn } from './steps';

let admin: ReturnType<typeof createApiClient>;
let workspaceId = '';
let documentId = '';

function detailsOf(page: Page) {
  return page.getByRole('complementary', { name: 'Details' });
}

async function waitUntilSaved(page: Page): Promise<void> {
  await expect
    .poll(() => detailsOf(page).getByTestId('details-save-state').getAttribute('data-state'), {
      timeout: 10_000,
    })
    .toBe('saved');
}

describe('live document details', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    const seeded = await seedAdminWorkspace({ serverUrl: stage.server.url, password: PASSWORD });
    admin = seeded.admin;
    workspaceId = seeded.workspaceId;
    await inviteAndRegister({
      admin,
      email: 'eda@bologna.example',
      name: 'Eda Editor',
      password: PASSWORD,
    });
    await admin.post(`/api/workspaces/${workspaceId}/members`, {
      email: 'eda@bologna.example',
      role: 'editor',
    });
    const document = await admin.post<{ document: DocumentDto }>(
      `/api/workspaces/${workspaceId}/documents`,
      { title: 'Bologna case study', kind: 'case-study' },
    );
    documentId = document.body.document.id;
  });

  it('keeps both people’s changes when they edit the details panel at once', async () => {
    const { page: ana } = await stage.cast.add();
    const { page: eda } = await stage.cast.add();
    await signIn({ page: ana, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await signIn({ page: eda, email: 'eda@bologna.example', name: 'Eda Editor' });
    await Promise.all([ana.goto(`/documents/${documentId}`), eda.goto(`/documents/${documentId}`)]);
    await Promise.all([editorOf(ana).waitFor(), editorOf(eda).waitFor()]);

    // Both change a different field of the same version, without waiting for the other.
    await Promise.all([
      detailsOf(ana).getByRole('textbox', { name: 'Title' }).fill('Bologna case study 2026'),
      detailsOf(eda).getByRole('checkbox', { name: 'Housing' }).check(),
    ]);
    await Promise.all([waitUntilSaved(ana), waitUntilSaved(eda)]);

    // The stored record has both, and each open panel shows both.
    await expect
      .poll(async () => {
        const stored = await admin.get<{ document: DocumentDto }>(`/api/documents/${documentId}`);
        return [stored.body.document.title, stored.body.document.policyAreas];
      })
      .toEqual(['Bologna case study 2026', ['housing']]);
    for (const page of [ana, eda]) {
      await expect
        .poll(() => detailsOf(page).getByRole('textbox', { name: 'Title' }).inputValue())
        .toBe('Bologna case study 2026');
      await expect
        .poll(() => detailsOf(page).getByRole('checkbox', { name: 'Housing' }).isChecked())
        .toBe(true);
    }
  });

  it('shows the other person’s value instead of overwriting it when both change the title', async () => {
    const [ana, eda] = stage.cast.people.map((person) => person.page);
    if (!ana || !eda) throw new Error('the first step opened both pages');
    const anaTitle = detailsOf(ana).getByRole('textbox', { name: 'Title' });
    const edaTitle = detailsOf(eda).getByRole('textbox', { name: 'Title' });
    await Promise.all([anaTitle.fill('Ana’s title'), edaTitle.fill('Eda’s title')]);
    // One of the two saves second and is refused: that page shows the other value.
    const conflicts = [ana, eda].map((page) => detailsOf(page).getByTestId('details-conflicts'));
    await expect
      .poll(async () => (await conflicts[0]!.count()) + (await conflicts[1]!.count()), {
        timeout: 10_000,
      })
      .toBe(1);
    const loser = (await conflicts[0]!.count()) === 1 ? ana : eda;
    const winnerTitle = loser === ana ? 'Eda’s title' : 'Ana’s title';
    const box = detailsOf(loser).getByTestId('details-conflicts');
    expect(await box.innerText()).toContain(winnerTitle);
    await box.getByRole('button', { name: 'Keep mine' }).click();
    await waitUntilSaved(loser);
    const loserTitle = loser === ana ? 'Ana’s title' : 'Eda’s title';
    const stored = await admin.get<{ document: DocumentDto }>(`/api/documents/${documentId}`);
    expect(stored.body.document.title).toBe(loserTitle);
  });

  it('shows a status change on another person’s open editor and workspace list within a second', async () => {
    const { page: eda } = await stage.cast.add();
    const { page: list } = await stage.cast.add();
    await signIn({ page: eda, email: 'eda@bologna.example', name: 'Eda Editor' });
    await signIn({ page: list, email: 'eda@bologna.example', name: 'Eda Editor' });
    await eda.goto(`/documents/${documentId}`);
    await editorOf(eda).waitFor();
    await list.goto(`/w/${workspaceId}`);
    await list.getByRole('table').getByRole('link').first().waitFor();
    const status = eda.getByTestId('document-status');
    await expect.poll(() => status.innerText()).toBe('Draft');

    const changed = await admin.post(`/api/documents/${documentId}/status`, {
      status: 'in-review',
    });
    expect(changed.status).toBe(200);
    const startedAt = Date.now();
    await expect.poll(() => status.innerText(), { interval: 50, timeout: 1_000 }).toBe('In review');
    await expect
      .poll(() => list.getByRole('table').getByText('In review').count(), {
        interval: 50,
        timeout: Math.max(100, 1_000 - (Date.now() - startedAt)),
      })
      .toBe(1);
    const renamed = await admin.patch(`/api/documents/${documentId}`, { title: 'Renamed live' });
    expect(renamed.status).toBe(200);
    await eda.getByRole('heading', { level: 1, name: 'Renamed live' }).waitFor({ timeout: 1_000 });
    await list.getByRole('link', { name: 'Renamed live' }).waitFor({ timeout: 1_000 });
  });

  it('keeps what was typed into a field when the person goes back at once, before the autosave pause', async () => {
    const { page: eda } = await stage.cast.add();
    await signIn({ page: eda, email: 'eda@bologna.example', name: 'Eda Editor' });
    await eda.goto(`/w/${workspaceId}`);
    await eda.getByRole('table').getByRole('link').first().click();
    await editorOf(eda).waitFor();
    const title = detailsOf(eda).getByRole('textbox', { name: 'Title' });
    await title.fill('Typed, then left at once');
    // Back to the list with the field still focused: no blur, no pause, the panel unmounts.
    await eda.goBack();
    await eda.getByRole('table').waitFor();
    await expect
      .poll(async () => {
        const stored = await admin.get<{ document: DocumentDto }>(`/api/documents/${documentId}`);
        return stored.body.document.title;
      })
      .toBe('Typed, then left at once');
    await eda.getByRole('link', { name: 'Typed, then left at once' }).waitFor();
  });
});
