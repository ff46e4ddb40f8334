/**
 * Records domain events in the audit log. The action names and detail shapes are those the
 * commands wrote inline before the events existed, so the log reads the same.
 */
import { recordAudit } from '../../commands/recordAudit';
import type { DocumentMeta, Storage } from '../../storage/types';
import type { EventBus } from '../bus';
import type { EventContext } from '../domainEvents';

/** Subscribes the audit log to every domain event that is an auditable change. */
export function subscribeAudit(input: { events: EventBus; storage: Storage }): void {
  const { events, storage } = input;
  const audit = (context: EventContext) => ({ storage, actor: context.actor, ip: context.ip });
  const onDocument = (document: DocumentMeta) => ({
    target: { type: 'document', id: document.id },
  });
  // Trash events name the workspace and title: a purged document can no longer be looked up.
  const trashDetails = (document: DocumentMeta) => ({
    workspaceId: document.workspaceId,
    title: document.title,
  });

  events.on('document.updated', ({ context, before, changes }) =>
    recordAudit({
      ...audit(context),
      ...onDocument(before),
      action: 'document.updated',
      details: { workspaceId: before.workspaceId, ...changes },
    }),
  );
  events.on('document.statusChanged', ({ context, before, document }) =>
    recordAudit({
      ...audit(context),
      ...onDocument(before),
      action: 'document.status_changed',
      details: { workspaceId: before.workspaceId, from: before.status, to: document.status },
    }),
  );
  events.on('document.trashed', ({ context, before }) =>
    recordAudit({
      ...audit(context),
      ...onDocument(before),
      action: 'document.trashed',
      details: trashDetails(before),
    }),
  );
  events.on('document.restored', ({ context, before }) =>
    recordAudit({
      ...audit(context),
      ...onDocument(before),
      action: 'document.restored',
      details: trashDetails(before),
    }),
  );
  events.on('document.purged', ({ context, document }) =>
    recordAudit({
      ...audit(context),
      ...onDocument(document),
      action: 'document.purged',
      details: trashDetails(document),
    }),
  );
  events.on('document.shared', ({ context, document, share, isNew }) =>
    recordAudit({
      ...audit(context),
      ...onDocument(document),
      action: 'document.shared',
      details: { workspaceId: document.workspaceId, userId: share.userId, role: share.role, isNew },
    }),
  );
  events.on('document.unshared', ({ context, document, share }) =>
    recordAudit({
      ...audit(context),
      ...onDocument(document),
      action: 'document.unshared',
      details: { workspaceId: document.workspaceId, userId: share.userId, role: share.role },
    }),
  );
  events.on('document.templateApplied', ({ context, document, headings }) =>
    recordAudit({
      ...audit(context),
      ...onDocument(document),
      action: 'document.template_applied',
      details: { workspaceId: document.workspaceId, headings },
    }),
  );
  events.on('document.versionRestored', ({ context, document, version }) =>
    recordAudit({
      ...audit(context),
      ...onDocument(document),
      action: 'document.version_restored',
      details: { workspaceId: document.workspaceId, versionId: version.id, label: version.label },
    }),
  );
  events.on('workspace.updated', ({ context, workspace, changes }) =>
    recordAudit({
      ...audit(context),
      action: 'workspace.updated',
      target: { type: 'workspace', id: workspace.id },
      details: { ...changes },
    }),
  );
  events.on('membership.changed', ({ context, workspaceId, userId, from, to }) =>
    recordAudit({
      ...audit(context),
      action: 'membership.role_changed',
      target: { type: 'workspace', id: workspaceId },
      details: { userId, from, to },
    }),
  );
  events.on('membership.removed', ({ context, workspaceId, userId, role }) =>
    recordAudit({
      ...audit(context),
      action: 'membership.removed',
      target: { type: 'workspace', id: workspaceId },
      details: { userId, role },
    }),
  );
}
