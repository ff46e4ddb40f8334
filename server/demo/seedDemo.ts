/**
 * Fills an EMPTY database with the CLIP demo network: organisations, four accounts with
 * random passwords (returned once, never stored in clear), the "Housing and integration"
 * workspace with members in different roles, a guideline draft and two city case studies.
 * A database that already has accounts or organisations is left untouched.
 */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import { changeDocumentStatus } from '../commands/changeDocumentStatus';
import { createDocument } from '../commands/createDocument';
import { createWorkspace } from '../commands/createWorkspace';
import { createEventBus } from '../events';
import { subscribeAudit } from '../events/subscribers/audit';
import { createLogger } from '../logger';
import { recordAudit } from '../commands/recordAudit';
import type { DocumentRecord, Organization, Storage, User, Workspace } from '../storage/types';
import { BOLOGNA_CASE_STUDY } from './bolognaCaseStudy';
import { HOUSING_GUIDELINE } from './housingGuideline';
import { DEMO_ACCOUNTS, DEMO_ORGANIZATIONS, DEMO_WORKSPACE, type DemoAccount } from './network';
import { STUTTGART_CASE_STUDY } from './stuttgartCaseStudy';

/** One demo account with the password generated for it. */
export interface DemoCredential {
  name: string;
  email: string;
  password: string;
  description: string;
}

/** What seeding did: either everything, or nothing and why. */
export type SeedDemoResult =
  | { isSeeded: false; reason: string }
  | {
      isSeeded: true;
      credentials: DemoCredential[];
      workspace: Workspace;
      documents: DocumentRecord[];
      organizations: Organization[];
    };

/** A password that is easy to copy and strong enough for a demo (72 random bits). */
function generatePassword(): string {
  return randomBytes(9).toString('base64url');
}

/** Why the database does not count as empty, or null when it does. */
async function whyNotEmpty(storage: Storage): Promise<string | null> {
  const users = await storage.countUsers();
  if (users > 0) return `the database already has ${users} account(s)`;
  const organizations = await storage.listOrganizations({});
  if (organizations.length > 0)
    return `the database already has ${organizations.length} organisation(s)`;
  return null;
}

/** Seeds the demo network on an empty database; see the module comment. */
export async function seedDemo(input: { storage: Storage }): Promise<SeedDemoResult> {
  const { storage } = input;
  const reason = await whyNotEmpty(storage);
  if (reason) return { isSeeded: false, reason };
  // Nothing is connected while seeding: the audit log is the one subscriber that matters.
  const events = createEventBus({ logger: createLogger({ logLevel: 'warn' }) });
  subscribeAudit({ events, storage });

  const organizations = new Map<string, Organization>();
  for (const { key, ...organization } of DEMO_ORGANIZATIONS) {
    organizations.set(key, await storage.createOrganization(organization));
  }
  const orgId = (key: string): string => {
    const organization = organizations.get(key);
    if (!organization) throw new Error(`demo data: unknown organisation ${key}`);
    return organization.id;
  };

  const credentials: DemoCredential[] = [];
  const users = new Map<DemoAccount['key'], User>();
  for (const account of DEMO_ACCOUNTS) {
    const password = generatePassword();
    const user = await storage.createUser({
      name: account.name,
      email: account.email,
      role: account.role,
      passwordHash: await hashPassword(password),
      organizationId: orgId(account.organizationKey),
    });
    users.set(account.key, user);
    credentials.push({
      name: account.name,
      email: account.email,
      password,
      description: account.description,
    });
  }
  const userOf = (key: DemoAccount['key']): User => {
    const user = users.get(key);
    if (!user) throw new Error(`demo data: unknown account ${key}`);
    return user;
  };

  const coordinator = userOf('coordinator');
  const { workspace } = await createWorkspace({ storage, actor: coordinator, ...DEMO_WORKSPACE });
  for (const account of DEMO_ACCOUNTS) {
    if (account.key === 'coordinator') continue;
    await storage.addMembership({
      workspaceId: workspace.id,
      userId: userOf(account.key).id,
      role: account.workspaceRole,
    });
  }

  const guideline = await createDocument({
    storage,
    actor: userOf('bamberg'),
    workspaceId: workspace.id,
    kind: 'guideline',
    title: HOUSING_GUIDELINE.title,
    sections: HOUSING_GUIDELINE.sections,
    policyAreas: ['housing'],
    stakeholders: ['ngos', 'charities', 'migrant-organisations', 'enterprises'],
  });
  const stuttgartDraft = await createDocument({
    storage,
    actor: userOf('stuttgart'),
    workspaceId: workspace.id,
    kind: 'case-study',
    title: STUTTGART_CASE_STUDY.title,
    sections: STUTTGART_CASE_STUDY.sections,
    cityId: orgId('stuttgart'),
    policyAreas: ['housing', 'intercultural-relations'],
    stakeholders: ['migrant-organisations', 'charities', 'enterprises'],
  });
  // Stuttgart's study is further along: it waits for the peer review.
  const stuttgart = await changeDocumentStatus({
    storage,
    events,
    actor: userOf('stuttgart'),
    document: stuttgartDraft,
    status: 'in-review',
  });
  const bologna = await createDocument({
    storage,
    actor: userOf('bamberg'),
    workspaceId: workspace.id,
    kind: 'case-study',
    title: BOLOGNA_CASE_STUDY.title,
    sections: BOLOGNA_CASE_STUDY.sections,
    cityId: orgId('bologna'),
    policyAreas: ['housing'],
    stakeholders: ['charities', 'ngos', 'migrant-organisations'],
  });

  await recordAudit({
    storage,
    actor: null,
    action: 'demo.seeded',
    target: { type: 'workspace', id: workspace.id },
    details: { accounts: credentials.length, organizations: organizations.size, documents: 3 },
  });
  return {
    isSeeded: true,
    credentials,
    workspace,
    documents: [guideline, stuttgart, bologna],
    organizations: [...organizations.values()],
  };
}

/** The credentials as a short text block, printed once to stdout by the callers. */
export function formatCredentials(credentials: DemoCredential[]): string {
  const lines = credentials.map(
    (credential) =>
      `  ${credential.email.padEnd(42)} ${credential.password}   ${credential.description}`,
  );
  return [
    'CLIP demo accounts (passwords are shown only now; they are stored hashed):',
    ...lines,
    '',
  ].join('\n');
}
