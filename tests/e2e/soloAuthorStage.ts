/**
 * The setting of the single-author browser stories (layout and editor behaviour): Ana, the
 * network admin, signed in, with a workspace whose long description squeezes the page header
 * and one note in it.
 */
import type { Page } from 'playwright-core';
import { beforeAll } from 'vitest';
import type { DocumentDto, WorkspaceDto } from '../../shared/api/entities';
import { createApiClient, signUpAdmin } from '../helpers/server';
import { useE2eStage } from './stage';
import { PASSWORD, signIn } from './steps';

/** Ana's page and the addresses of her workspace and note; read them inside tests only. */
export interface SoloAuthorStage {
  readonly ana: Page;
  readonly workspaceUrl: string;
  readonly documentUrl: string;
}

/** Starts the e2e stage and, before the file's tests, seeds Ana's workspace and signs her in. */
export function useSoloAuthorStage(): SoloAuthorStage {
  const stage = useE2eStage();
  let ana: Page | undefined;
  let workspaceUrl = '';
  let documentUrl = '';

  beforeAll(async () => {
    const admin = createApiClient(stage.server.url);
    await signUpAdmin(admin, {
      name: 'Ana Admin',
      email: 'ana@stuttgart.example',
      password: PASSWORD,
    });
    const created = await admin.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
      name: 'Housing and integration',
      // A long description, as real workspaces have, is what squeezes the header's button.
      description:
        'CLIP research module on access to housing for migrants and on segregation and ' +
        'integration in European cities: case studies of member cities and the resulting guideline.',
    });
    workspaceUrl = `/w/${created.body.workspace.id}`;
    const document = await admin.post<{ document: DocumentDto }>(
      `/api/workspaces/${created.body.workspace.id}/documents`,
      { title: 'Notes from the Stuttgart visit', kind: 'note' },
    );
    documentUrl = `/documents/${document.body.document.id}`;
    ({ page: ana } = await stage.cast.add());
    await signIn({ page: ana, email: 'ana@stuttgart.example', name: 'Ana Admin' });
  });

  return {
    get ana() {
      if (!ana) throw new Error('The solo author stage is not started yet');
      return ana;
    },
    get workspaceUrl() {
      return workspaceUrl;
    },
    get documentUrl() {
      return documentUrl;
    },
  };
}
