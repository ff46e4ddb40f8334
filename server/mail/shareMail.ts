/**
 * The e-mail telling someone a document was shared with them: with a link to the document
 * (they have an account) or to the invitation page (they register with it first). Every
 * piece of user text escaped.
 */
import type { ShareRole } from '../../shared/domain';
import { escapeHtml } from '../exports/escapeHtml';
import type { MailMessage } from './mailSender';

/** What each share role lets the person do, in the mail's words. */
const ROLE_WORDS: Record<ShareRole, string> = {
  editor: 'edit',
  reviewer: 'comment on',
  viewer: 'read',
};

/** Builds the message to `to` about `actorName` sharing `documentTitle`. */
export function shareMail(input: {
  to: string;
  actorName: string;
  documentTitle: string;
  role: ShareRole;
  /** The document's page, or the invitation page for someone without an account. */
  link: string;
  isInvitation: boolean;
}): MailMessage {
  const subject = `${input.actorName} shared “${input.documentTitle}” with you`;
  const what = `You may ${ROLE_WORDS[input.role]} it in CLIP Workspace.`;
  const action = input.isInvitation ? 'Create your account to open it' : 'Open the document';
  const text = [`${subject}.`, what, '', `${action}: ${input.link}`].join('\n');
  const html = [
    `<p>${escapeHtml(input.actorName)} shared <strong>${escapeHtml(input.documentTitle)}</strong> with you.</p>`,
    `<p>${escapeHtml(what)}</p>`,
    `<p><a href="${escapeHtml(input.link)}">${escapeHtml(action)}</a></p>`,
  ].join('\n');
  return { to: input.to, subject, text, html };
}
