/** English UI strings for workspaces, sharing, new documents and the trash. */
import type { Widen } from '../widen';

export const workspaceMessages = {
  workspace: {
    documents: 'Documents',
    newDocument: 'New document',
    filters: 'Filter documents',
    kind: 'Kind',
    status: 'Status',
    city: 'City',
    policyArea: 'Policy area',
    search: 'Search',
    searchPlaceholder: 'Title or text',
    all: 'All',
    noDocuments: 'No documents yet',
    noDocumentsHint: 'Start a guideline, a city case study, minutes or a note.',
    noMatches: 'No documents match these filters.',
    clearFilters: 'Clear filters',
    peopleHere_one: '{{count}} person here',
    peopleHere_other: '{{count}} people here',
    lastEditor: 'Last edited by',
    updated: 'Updated',
    title: 'Title',
    members: 'Members',
    addMember: 'Add a member',
    memberEmail: 'E-mail',
    memberRole: 'Role',
    add: 'Add',
    memberAdded: '{{name}} was added.',
    invitationCreated:
      'Invitation for {{email}} created: they accept it signed in, or create their account with it.',
    invitationEmailed:
      'The link was e-mailed to {{email}} (unless they turned invitation e-mails off). You can also pass it on yourself:',
    invitationNotEmailed:
      'This server sends no e-mail (no mail server is set up): copy the link and send it to {{email}} yourself.',
    awaitsApproval:
      'A network administrator must approve it before it can be used to create a new account.',
    invitationLink: 'Invitation link',
    removeMember: 'Remove {{name}}',
    roleOf: 'Role of {{name}}',
    you: 'you',
    confirmRemove: 'Remove {{name}} from this workspace?',
    pendingInvitations: 'Pending invitations',
    noPendingInvitations: 'No invitations are waiting.',
    invitedAs: 'Invited as {{role}}, until {{date}}',
    revokeInvitation: 'Revoke the invitation of {{email}}',
    // The button's visible word, which its full label (above) contains.
    revokeInvitationShort: 'Revoke',
  },
  share: {
    button: 'Share',
    title: 'Share “{{title}}”',
    addHeading: 'Share with one person',
    email: 'E-mail',
    role: 'Role',
    submit: 'Share',
    noMail: 'No mail server is set up: invitation links must be copied and sent by hand.',
    mailed: '{{email}} was told by e-mail.',
    shared: 'Shared with {{email}}.',
    invitationCreated:
      '{{email}} has no account yet. Send them this link: they create their account with it and open the document.',
    whoHasAccess: 'Who has access',
    direct: 'Shared directly · {{email}}',
    pending: 'Invitation pending · {{email}}',
    pendingApproval: 'Invitation pending, awaits an administrator’s approval · {{email}}',
    viaWorkspace: 'Workspace member',
    revoke: 'Revoke access of {{name}}',
    revokeShort: 'Revoke',
    linkReach: 'Who can open it with the link',
    reach: {
      restricted: 'Restricted',
      network: 'Anyone signed in',
      public: 'Public',
    },
    reachHint: {
      restricted: 'Only workspace members and the people listed above.',
      network: 'Every account of the network may read it.',
      public: 'Anyone with the link may read it, without an account.',
    },
  },
  newDocument: {
    languageLabel: 'Language of the text',
    title: 'New document',
    titleLabel: 'Title',
    kindLabel: 'Kind',
    cityLabel: 'City',
    noCity: 'No city',
    policyAreas: 'Policy areas',
    stakeholders: 'Stakeholders',
    create: 'Create and open',
    importLabel: 'Or import a file (optional)',
    importHint:
      'A Word (.docx) or Markdown (.md) file becomes the text. Without a title, the file name is used.',
    import: 'Import and open',
    keepOriginal: 'Keep the original file with the document (its readers can download it)',
  },
  trash: {
    open: 'Trash',
    title: 'Trash',
    intro:
      'Documents moved to the trash stay here for {{days}} days. Restore one to bring it back to the workspace; after that it is deleted for good.',
    ownersOnly: 'Only the owners of this workspace see its trash.',
    empty: 'The trash is empty.',
    trashedOn: 'Moved to the trash on {{date}}',
    purgedOn: 'Deleted for good on {{date}}',
    restore: 'Restore',
    restoreTitle: 'Restore “{{title}}”',
    restored: '“{{title}}” is back in the workspace.',
  },
};

/** The shape of this part in every language: same keys, any text. */
export type WorkspaceMessages = Widen<typeof workspaceMessages>;
