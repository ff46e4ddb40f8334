/**
 * The e-mail for one notification (a mention, or a reply in a thread one is part of): plain
 * text and a simple HTML part, every piece of user text escaped, with a link to the document.
 */
import { escapeHtml } from '../exports/html';
import type { NotificationKind } from '../storage/types';
import type { MailMessage } from './mailSender';

/** Longest stretch of the comment quoted in the mail; the rest is read in the app. */
export const QUOTED_COMMENT_CHARS = 500;

/** Builds the message to `to` about `actorName`'s comment on `documentTitle`. */
export function notificationMail(input: {
  to: string;
  kind: NotificationKind;
  actorName: string;
  documentTitle: string;
  commentBody: string;
  documentUrl: string;
}): MailMessage {
  const action =
    input.kind === 'mention' ? 'mentioned you in a comment on' : 'replied in a thread on';
  const subject = `${input.actorName} ${action} “${input.documentTitle}”`;
  const quote =
    input.commentBody.length > QUOTED_COMMENT_CHARS
      ? `${input.commentBody.slice(0, QUOTED_COMMENT_CHARS)}…`
      : input.commentBody;
  const text = [
    `${subject}:`,
    '',
    ...quote.split('\n').map((line) => `> ${line}`),
    '',
    `Open the document: ${input.documentUrl}`,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(input.actorName)} ${action} <strong>${escapeHtml(input.documentTitle)}</strong>:</p>`,
    `<blockquote style="white-space:pre-wrap">${escapeHtml(quote)}</blockquote>`,
    `<p><a href="${escapeHtml(input.documentUrl)}">Open the document</a></p>`,
  ].join('\n');
  return { to: input.to, subject, text, html };
}
