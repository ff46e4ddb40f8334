/**
 * The minutes of a review session as a document of the shared editor schema: date,
 * facilitator, participants, and per agenda item the threads and suggestions raised during it
 * (with their outcome) and the decision noted. Pure: the caller loads what it names.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EDITOR_MARK, EDITOR_NODE } from '../../shared/editor/schema';
import { documentNodeFromJson } from '../editor/documentContent';
import type { ReviewSessionRecord, SuggestionRecord, ThreadRecord } from '../storage/types';

/** A thread as the minutes list it. */
export interface MinutesThread {
  thread: Pick<ThreadRecord, 'id' | 'quote' | 'status'>;
  authorName: string;
  /** The thread's first comment. */
  body: string;
}

/** A suggestion as the minutes list it. */
export interface MinutesSuggestion {
  suggestion: Pick<SuggestionRecord, 'id' | 'kind' | 'text' | 'status'>;
  authorName: string;
}

/** What the minutes are made of. */
export interface MinutesInput {
  session: ReviewSessionRecord;
  documentTitle: string;
  /** Where the reviewed document opens (a relative link in the app). */
  documentPath: string;
  facilitatorName: string;
  participantNames: string[];
  /** Threads per agenda item id. */
  threadsByItem: Map<string, MinutesThread[]>;
  /** Suggestions per agenda item id. */
  suggestionsByItem: Map<string, MinutesSuggestion[]>;
}

type JsonNode = Record<string, unknown>;

const text = (value: string, marks?: JsonNode[]): JsonNode =>
  marks ? { type: EDITOR_NODE.text, text: value, marks } : { type: EDITOR_NODE.text, text: value };
const paragraph = (...content: JsonNode[]): JsonNode => ({
  type: EDITOR_NODE.paragraph,
  content,
});
const heading = (level: number, value: string): JsonNode => ({
  type: EDITOR_NODE.heading,
  attrs: { level },
  content: [text(value)],
});
const bulletList = (items: JsonNode[][]): JsonNode => ({
  type: EDITOR_NODE.bulletList,
  content: items.map((content) => ({
    type: EDITOR_NODE.listItem,
    content: [paragraph(...content)],
  })),
});
const bold = (value: string): JsonNode => text(value, [{ type: EDITOR_MARK.bold }]);

/** The day a session took place, as people write it in minutes (UTC, ISO date). */
function dayOf(session: ReviewSessionRecord): string {
  return (session.startedAt ?? session.startsAt).toISOString().slice(0, 10);
}

function threadLine({ thread, authorName, body }: MinutesThread): JsonNode[] {
  const status = thread.status === 'resolved' ? 'resolved' : 'open';
  const quote = thread.quote ? `“${thread.quote}” — ` : '';
  return [text(`${quote}${authorName}: ${body} `), bold(`(${status})`)];
}

function suggestionLine({ suggestion, authorName }: MinutesSuggestion): JsonNode[] {
  const proposal = suggestion.kind === 'insert' ? 'suggested adding' : 'suggested removing';
  return [text(`${authorName} ${proposal} “${suggestion.text}” `), bold(`(${suggestion.status})`)];
}

function itemBlocks(input: MinutesInput, index: number): JsonNode[] {
  const item = input.session.agenda[index];
  if (!item) return [];
  const threads = input.threadsByItem.get(item.id) ?? [];
  const suggestions = input.suggestionsByItem.get(item.id) ?? [];
  const decision = input.session.decisions[item.id];
  const raised = [...threads.map(threadLine), ...suggestions.map(suggestionLine)];
  return [
    heading(2, `${index + 1}. ${item.title}`),
    raised.length > 0
      ? bulletList(raised)
      : paragraph(text('No threads or suggestions were raised.')),
    paragraph(bold('Decision: '), text(decision ?? 'none noted.')),
  ];
}

/** The minutes as a ProseMirror document, checked against the editor schema. */
export function buildMinutesNode(input: MinutesInput): ProseMirrorNode {
  const { session } = input;
  const participants = input.participantNames.length > 0 ? input.participantNames : ['—'];
  const content: JsonNode[] = [
    heading(1, `Minutes: ${session.title}`),
    paragraph(bold('Date: '), text(dayOf(session))),
    paragraph(
      bold('Reviewed document: '),
      text(input.documentTitle, [{ type: EDITOR_MARK.link, attrs: { href: input.documentPath } }]),
    ),
    paragraph(bold('Facilitator: '), text(input.facilitatorName)),
    heading(2, 'Participants'),
    bulletList(participants.map((name) => [text(name)])),
    ...session.agenda.flatMap((_, index) => itemBlocks(input, index)),
  ];
  return documentNodeFromJson({ type: EDITOR_NODE.doc, content });
}
