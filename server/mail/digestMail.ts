/**
 * The digest e-mail: a person's notifications not read in the app within the delay, grouped
 * by document, each document with a link. Plain text and a simple HTML part; every piece of
 * user text (names, titles, comments) is escaped in the HTML.
 */
import { escapeHtml } from '../exports/escapeHtml';
import type { NotificationKind } from '../storage/types';
import type { MailMessage } from './mailSender';

/** Longest stretch of one comment quoted in the mail; the rest is read in the app. */
export const QUOTED_COMMENT_CHARS = 500;

/** One notification as the digest tells it. */
export interface DigestEntry {
  kind: NotificationKind;
  actorName: string;
  /** The comment's text, or null when there is none to quote. */
  commentBody: string | null;
}

/** The notifications about one document. */
export interface DigestDocument {
  title: string;
  url: string;
  entries: DigestEntry[];
}

/** Builds the digest to `to`; `accountUrl` is where the e-mail settings are changed. */
export function digestMail(input: {
  to: string;
  documents: readonly DigestDocument[];
  accountUrl: string;
}): MailMessage {
  const { documents } = input;
  const count = documents.reduce((sum, document) => sum + document.entries.length, 0);
  const first = documents[0]?.entries[0];
  const subject =
    count === 1 && first
      ? `${first.actorName} ${actionOf(first.kind)} “${documents[0]!.title}”`
      : `${count} unread notifications on ${plural(documents.length, 'document')}`;
  const footer = `You get this e-mail because these notifications were not read in the app. Change your e-mail settings: ${input.accountUrl}`;
  const text = [
    `${subject}.`,
    '',
    ...documents.flatMap((document) => [
      `“${document.title}” — ${document.url}`,
      ...document.entries.flatMap((entry) => [
        `- ${entry.actorName} ${entryVerb(entry.kind)}${entry.commentBody ? ':' : '.'}`,
        ...(entry.commentBody
          ? quoteOf(entry)
              .split('\n')
              .map((line) => `  > ${line}`)
          : []),
      ]),
      '',
    ]),
    footer,
  ].join('\n');
  const html = [
    `<p>${escapeHtml(subject)}.</p>`,
    ...documents.map((document) =>
      [
        `<h2 style="font-size:1.1em"><a href="${escapeHtml(document.url)}">${escapeHtml(document.title)}</a></h2>`,
        '<ul>',
        ...document.entries.map(
          (entry) =>
            `<li>${escapeHtml(entry.actorName)} ${entryVerb(entry.kind)}${entry.commentBody ? `:<blockquote style="white-space:pre-wrap">${escapeHtml(quoteOf(entry))}</blockquote>` : '.'}</li>`,
        ),
        '</ul>',
      ].join('\n'),
    ),
    `<p style="color:#666">You get this e-mail because these notifications were not read in the app. <a href="${escapeHtml(input.accountUrl)}">Change your e-mail settings</a>.</p>`,
  ].join('\n');
  return { to: input.to, subject, text, html };
}

/** Per kind: the subject's verb phrase (before the title) and the list entry's verb. */
const WORDING: Record<NotificationKind, { action: string; verb: string }> = {
  mention: { action: 'mentioned you in a comment on', verb: 'mentioned you' },
  reply: { action: 'replied in a thread on', verb: 'replied in a thread' },
  review_request: { action: 'asked you to review', verb: 'asked you to review it' },
  review_answer: {
    action: 'answered your review request on',
    verb: 'answered your review request',
  },
  review_session: {
    action: 'invited you to a review session on',
    verb: 'invited you to a review session',
  },
  suggestion: { action: 'suggested a change in', verb: 'suggested a change' },
  suggestion_accepted: { action: 'accepted your suggestion in', verb: 'accepted your suggestion' },
  suggestion_rejected: { action: 'rejected your suggestion in', verb: 'rejected your suggestion' },
};

function actionOf(kind: NotificationKind): string {
  return WORDING[kind].action;
}

function entryVerb(kind: NotificationKind): string {
  return WORDING[kind].verb;
}

function quoteOf(entry: DigestEntry): string {
  const body = entry.commentBody ?? '';
  return body.length > QUOTED_COMMENT_CHARS ? `${body.slice(0, QUOTED_COMMENT_CHARS)}…` : body;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
