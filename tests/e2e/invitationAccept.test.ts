/**
 * Issue 8 item 6 in the browser: an owner who is not an admin invites an existing account,
 * who accepts signed in; a new address waits for the admin's approval before its account
 * can be created.
 */
import { beforeAll, describe, it } from 'vitest';
import type { WorkspaceDto } from '../../shared/api/entities';
import { createApiClient, inviteAndRegister, signUpAdmin } from '../helpers/server';
import { useE2eStage } from './stage';
import { expectNoSeriousA11yIssues, inviteFromWorkspace, PASSWORD, signIn } from './steps';

let workspaceUrl = '';

describe('invitations for existing accounts and new people', () => {
  const stage = useE2eStage();

  beforeAll(async () => {
    const admin = createApiClient(stage.server.url);
    await signUpAdmin(admin, {
      name: 'Ana Admin',
      email: 'ana@stuttgart.example',
      password: PASSWORD,
    });
    const owner = await inviteAndRegister({
      admin,
      email: 'olga@bologna.example',
      name: 'Olga Owner',
      password: PASSWORD,
    });
    await inviteAndRegister({
      admin,
      email: 'eda@liege.example',
      name: 'Eda Existing',
      password: PASSWORD,
    });
    const created = await owner.client.post<{ workspace: WorkspaceDto }>('/api/workspaces', {
      name: 'Equality in services',
    });
    workspaceUrl = `/w/${created.body.workspace.id}`;
  });

  it('an existing account accepts the owner’s invitation signed in', async () => {
    const { page: olga } = await stage.cast.add();
    await signIn({ page: olga, email: 'olga@bologna.example', name: 'Olga Owner' });
    const link = await inviteFromWorkspace({
      page: olga,
      workspaceUrl,
      email: 'eda@liege.example',
      role: 'editor',
    });

    const { page: eda } = await stage.cast.add();
    await signIn({ page: eda, email: 'eda@liege.example', name: 'Eda Existing' });
    await eda.goto(link);
    await eda.getByRole('button', { name: 'Accept invitation' }).waitFor();
    await expectNoSeriousA11yIssues(eda);
    await eda.getByRole('button', { name: 'Accept invitation' }).click();
    await eda.waitForURL(`**${workspaceUrl}`);
    await eda.getByRole('heading', { name: 'Equality in services', level: 1 }).waitFor();
  });

  it('a new address registers once the admin approved the invitation', async () => {
    const { page: olga } = await stage.cast.add();
    await signIn({ page: olga, email: 'olga@bologna.example', name: 'Olga Owner' });
    const link = await inviteFromWorkspace({
      page: olga,
      workspaceUrl,
      email: 'nina@vienna.example',
      role: 'viewer',
    });

    const { page: nina } = await stage.cast.add();
    await nina.goto(link);
    await nina.getByRole('note').getByText('has not approved this invitation yet').waitFor();

    const { page: ana } = await stage.cast.add();
    await signIn({ page: ana, email: 'ana@stuttgart.example', name: 'Ana Admin' });
    await ana.goto('/admin');
    await ana
      .getByRole('button', { name: 'Approve the invitation for nina@vienna.example' })
      .click();
    await ana.getByText('Nothing is waiting for approval.').waitFor();

    await nina.reload();
    await nina.getByLabel('Full name').fill('Nina New');
    await nina.getByLabel('Password').fill(PASSWORD);
    await nina.getByRole('button', { name: 'Accept and create account' }).click();
    await nina.getByRole('heading', { name: 'Welcome, Nina New' }).waitFor();
    await nina.getByRole('link', { name: /Equality in services/ }).waitFor();
  });
});
