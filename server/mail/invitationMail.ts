/**
 * Invitation e-mail: a workspace, network or document-share invitation with its link, sent
 * through the one MailSender. Routes call `sendInvitationMail` right after creating the
 * invitation (the raw token exists only then); the document shares call it the same way.
 */
import { escapeHtml } from '../exports/escapeHtml';
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import type { MailMessage, MailSender } from './mailSender';

/** What the person is invited to. */
export type InvitationTarget =
  | { kind: 'network' }
  | { kind: 'workspace'; workspaceName: string; role: string }
  | { kind: 'document'; documentTitle: string; role: string };

/** One invitation to mail. */
export interface InvitationMailInput {
  /** The invited address. */
  to: string;
  inviterName: string;
  target: InvitationTarget;
  /** The accept link (holds the one-time token). */
  link: string;
  expiresAt: Date;
  /** It cannot create an account until a network admin approves it. */
  awaitsApproval?: boolean;
}

/**
 * What became of one invitation mail: handed to SMTP (`sent`), no SMTP_URL (`not_configured`:
 * only logged, the link must be passed on by hand), the invitee's account turned invitation
 * e-mail off or is deactivated (`opted_out`), or the lookup or transport failed (`failed`).
 */
export type InvitationMailOutcome = 'sent' | 'not_configured' | 'opted_out' | 'failed';

/** The product's name in subjects; the From header carries the operator's own. */
const PRODUCT = 'CLIP Workspace';

const APPROVAL_NOTE =
  'A network administrator still has to approve this invitation before it can create an account; if you already have one, you can accept it now.';

/** Builds the message; every piece of user text is escaped in the HTML part. */
export function invitationMail(input: InvitationMailInput): MailMessage {
  const { target } = input;
  const subject =
    target.kind === 'network'
      ? `${input.inviterName} invited you to ${PRODUCT}`
      : target.kind === 'workspace'
        ? `${input.inviterName} invited you to “${target.workspaceName}” on ${PRODUCT}`
        : `${input.inviterName} shared “${target.documentTitle}” with you on ${PRODUCT}`;
  const role = target.kind === 'network' ? null : target.role;
  const expires = input.expiresAt.toISOString().slice(0, 10);
  const lines = [
    `${subject}.`,
    ...(role ? [`Your role: ${role}.`] : []),
    ...(input.awaitsApproval ? [APPROVAL_NOTE] : []),
    `Accept the invitation (valid until ${expires}): ${input.link}`,
    'If you did not expect this invitation, you can ignore this e-mail.',
  ];
  const text = lines.join('\n\n');
  const html = [
    `<p>${escapeHtml(subject)}.</p>`,
    ...(role ? [`<p>Your role: ${escapeHtml(role)}.</p>`] : []),
    ...(input.awaitsApproval ? [`<p>${APPROVAL_NOTE}</p>`] : []),
    `<p><a href="${escapeHtml(input.link)}">Accept the invitation</a> (valid until ${expires}).</p>`,
    `<p style="color:#666">If you did not expect this invitation, you can ignore this e-mail.</p>`,
  ].join('\n');
  return { to: input.to, subject, text, html };
}

/**
 * Mails one invitation unless the invited address belongs to an account that turned
 * invitation e-mail off (or is deactivated); someone without an account has no setting and
 * always gets it. Never throws: callers need not await it (a slow SMTP server must not hold
 * an HTTP answer back).
 */
export async function sendInvitationMail(
  deps: { storage: Storage; mailer: MailSender; logger: Logger },
  input: InvitationMailInput,
): Promise<InvitationMailOutcome> {
  try {
    const account = await deps.storage.getUserByEmail({ email: input.to });
    if (account && (!account.isActive || !account.emailInvitations)) return 'opted_out';
    const isHandedOver = await deps.mailer.send(invitationMail(input));
    if (!deps.mailer.isDelivering) return 'not_configured';
    return isHandedOver ? 'sent' : 'failed';
  } catch (error: unknown) {
    deps.logger.warn({ err: error }, 'invitation mail failed');
    return 'failed';
  }
}
