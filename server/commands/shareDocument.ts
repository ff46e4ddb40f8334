/**
 * Use case: an owner shares one document with one person by e-mail, or takes a share back.
 *
 * An account with that e-mail gets the share at once (like sharing in any document tool);
 * an e-mail without an account gets a document invitation, and registering with it makes the
 * share (`acceptInvitation`). Either way the person hears of it by e-mail when a mail server
 * is configured; without one, the invitation's link is in the answer for copying by hand.
 */
import type { ShareRole } from '../../shared/domain';
import type { EventBus } from '../events';
import type { MailSender } from '../mail/mailSender';
import { shareMail } from '../mail/shareMail';
import type { DocumentMeta, DocumentShare, Invitation, Storage, User } from '../storage/types';
import { needsAdminApproval } from './addWorkspaceMember';
import { createInvitation } from './createInvitation';
import { recordAudit } from './recordAudit';

/** What sharing produced: a share of an existing account, or a pending document invitation. */
export type ShareResult =
  | { kind: 'share'; share: DocumentShare; user: User; mailed: boolean }
  | { kind: 'invitation'; invitation: Invitation; token: string; link: string; mailed: boolean };

/** The address of a document's page (a client route). */
export function documentLink(input: { baseUrl: string; documentId: string }): string {
  return `${input.baseUrl.replace(/\/$/, '')}/documents/${input.documentId}`;
}

/** Shares `document` with `email` as `role` (a second share of the same person changes the role). */
export async function shareDocument(input: {
  storage: Storage;
  events: EventBus;
  mailer: MailSender;
  actor: User;
  document: DocumentMeta;
  email: string;
  role: ShareRole;
  baseUrl: string;
  ip: string | null;
}): Promise<ShareResult> {
  const { storage, mailer, actor, document, role } = input;
  const email = input.email.trim().toLowerCase();
  const mail = (link: string, isInvitation: boolean) =>
    shareMail({
      to: email,
      actorName: actor.name,
      documentTitle: document.title,
      role,
      link,
      isInvitation,
    });
  const user = await storage.getUserByEmail({ email });
  if (user) {
    const { share, isNew } = await storage.upsertDocumentShare({
      documentId: document.id,
      userId: user.id,
      role,
      createdById: actor.id,
    });
    await input.events.emit('document.shared', {
      context: { actor, ip: input.ip },
      document,
      share,
      isNew,
    });
    if (isNew && mailer.isDelivering) {
      await mailer.send(
        mail(documentLink({ baseUrl: input.baseUrl, documentId: document.id }), false),
      );
    }
    return { kind: 'share', share, user, mailed: isNew && mailer.isDelivering };
  }
  // One pending invitation per person and document: a new one (new role) replaces the old.
  const earlier = await storage.listInvitations({ documentId: document.id, isPending: true });
  for (const invitation of earlier.filter((candidate) => candidate.email === email)) {
    await storage.deleteInvitation({ id: invitation.id });
  }
  const created = await createInvitation({
    storage,
    actor,
    email,
    documentId: document.id,
    role,
    awaitsApproval: await needsAdminApproval({ storage, actor }),
    baseUrl: input.baseUrl,
    ip: input.ip,
  });
  if (mailer.isDelivering) await mailer.send(mail(created.link, true));
  return { kind: 'invitation', ...created, mailed: mailer.isDelivering };
}

/**
 * Takes back a share, or a pending document invitation, of `document` by its id (the share
 * dialog lists both with one id each). Returns false when neither belongs to the document.
 * Revoking a share ends that person's open connections before this resolves (the access
 * subscriber of `document.unshared`).
 */
export async function revokeDocumentShare(input: {
  storage: Storage;
  events: EventBus;
  actor: User;
  document: DocumentMeta;
  shareId: string;
  ip: string | null;
}): Promise<boolean> {
  const { storage, document, shareId } = input;
  const share = await storage.getDocumentShareById({ id: shareId });
  if (share && share.documentId === document.id) {
    await storage.deleteDocumentShare({ id: share.id });
    await input.events.emit('document.unshared', {
      context: { actor: input.actor, ip: input.ip },
      document,
      share,
    });
    return true;
  }
  const pending = await storage.listInvitations({ documentId: document.id, isPending: true });
  if (!pending.some((invitation) => invitation.id === shareId)) return false;
  await storage.deleteInvitation({ id: shareId });
  await recordAudit({
    storage,
    actor: input.actor,
    action: 'invitation.revoked',
    target: { type: 'invitation', id: shareId },
    details: { documentId: document.id },
    ip: input.ip,
  });
  return true;
}
