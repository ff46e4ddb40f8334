/**
 * The product's vocabulary: every enum the server, the client and the tests agree on.
 * Kept as `as const` tuples so zod schemas and TypeScript unions come from one list.
 */

/** Network-wide account role: the first account on an empty database is `admin`. */
export const USER_ROLES = ['admin', 'member'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Kinds of organisation in the CLIP network. */
export const ORGANIZATION_TYPES = ['city', 'research', 'partner'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/** Workspace roles, strongest first. */
export const WORKSPACE_ROLES = ['owner', 'editor', 'reviewer', 'viewer'] as const;
export type WorkspaceRole = (typeof WORKSPACE_ROLES)[number];

/** Ranks a workspace role: a higher number is a stronger role. */
export function workspaceRoleRank(role: WorkspaceRole): number {
  return WORKSPACE_ROLES.length - WORKSPACE_ROLES.indexOf(role);
}

/**
 * The roles a direct share of one document can give: never `owner`, so a share never carries
 * a workspace-level right (managing members, sharing further, approving, publishing).
 */
export const SHARE_ROLES = ['editor', 'reviewer', 'viewer'] as const;
export type ShareRole = (typeof SHARE_ROLES)[number];

/**
 * A document's link reach: `restricted` (workspace members and direct shares only),
 * `network` (any signed-in active account may read it), `public` (anyone may read it).
 */
export const LINK_ACCESS = ['restricted', 'network', 'public'] as const;
export type LinkAccess = (typeof LINK_ACCESS)[number];

export const DOCUMENT_KINDS = ['guideline', 'case-study', 'minutes', 'note'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['draft', 'in-review', 'approved', 'published'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/**
 * The status workflow: draft → in-review → approved → published, and any state back to draft.
 * Maps each status to the statuses it may move to.
 */
export const STATUS_TRANSITIONS: Record<DocumentStatus, readonly DocumentStatus[]> = {
  draft: ['in-review'],
  'in-review': ['approved', 'draft'],
  approved: ['published', 'draft'],
  published: ['draft'],
};

/** CLIP's policy areas (facets of the library). */
export const POLICY_AREAS = [
  'housing',
  'equality-diversity',
  'intercultural-relations',
  'ethnic-entrepreneurship',
  'other',
] as const;
export type PolicyArea = (typeof POLICY_AREAS)[number];

/** Stakeholder types from objective 3 of the CLIP network. */
export const STAKEHOLDER_TYPES = [
  'enterprises',
  'social-partners',
  'religious-organisations',
  'ngos',
  'charities',
  'migrant-organisations',
] as const;
export type StakeholderType = (typeof STAKEHOLDER_TYPES)[number];

/** Days a deleted document stays in the trash before it can no longer be restored. */
export const TRASH_RETENTION_DAYS = 30;

/**
 * Languages a document can be written in (ISO 639-1): the network's cities write in many more
 * than the four the interface speaks. Stored as metadata and set as the `lang` of the text, so
 * screen readers pronounce it and browsers hyphenate it correctly.
 */
export const DOCUMENT_LANGUAGES = [
  'en',
  'de',
  'fr',
  'it',
  'nl',
  'es',
  'pt',
  'sv',
  'da',
  'fi',
  'pl',
  'cs',
  'sk',
  'sl',
  'hr',
  'hu',
  'ro',
  'bg',
  'el',
  'et',
  'lv',
  'lt',
  'tr',
] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** Whether `value` is one of the document languages. */
export function isDocumentLanguage(value: string): value is DocumentLanguage {
  return (DOCUMENT_LANGUAGES as readonly string[]).includes(value);
}

/** The languages the document templates (section headings and guidance) are written in. */
export const TEMPLATE_LANGUAGES = [
  'en',
  'de',
  'fr',
  'it',
] as const satisfies readonly DocumentLanguage[];
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

/** Whether the templates are written in `language`. */
export function isTemplateLanguage(language: string): language is TemplateLanguage {
  return (TEMPLATE_LANGUAGES as readonly string[]).includes(language);
}
