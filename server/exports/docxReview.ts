/**
 * Review notes in a DOCX export: comment threads as Word comments and open suggestions as
 * Word's tracked changes, so a council's reviewers can go on working in Word.
 *
 * - A thread becomes one Word comment anchored on the text its `comment` mark covers (from the
 *   first to the last marked text in document order, across paragraphs if need be); each
 *   reply becomes a Word reply to it (`parentId`), anchored on the same text as Word itself
 *   writes replies. A resolved thread is marked done, and its last comment says so.
 * - A thread whose text was deleted has nothing to anchor on: it is listed after the
 *   document under "Comments on deleted text", anchored on its quote, so no comment is lost.
 * - Text marked `insertion` becomes an inserted run (`w:ins`), text marked `deletion` a
 *   deleted run (`w:del`), with the suggestion's author and date when its record is known.
 *
 * Word needs numeric ids: comments take 0…n-1 in thread order, revisions the numbers after.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  HeadingLevel,
  InsertedTextRun,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { EDITOR_MARK } from '../../shared/editor/schema';
import {
  suggestionOf,
  withoutSuggestionMarkers,
  type SuggestionAuthorLookup,
} from '../editor/openSuggestions';

/** Whom an unknown suggestion is shown as (its record is missing or was not looked up). */
export const UNKNOWN_SUGGESTION_AUTHOR = 'CLIP Workspace reviewer';
/**
 * The line closing a resolved thread's last comment. Word's own "done" flag (`w15:done`) lives
 * in the reply threading part, which the docx package writes only when some thread has a
 * reply; the line tells every reader either way.
 */
export const RESOLVED_NOTE = 'Resolved in CLIP Workspace.';
/** The heading of the list of threads whose text was deleted. */
export const UNANCHORED_HEADING = 'Comments on deleted text';

/** One comment of a thread, as the export shows it. */
export interface ExportComment {
  authorName: string;
  body: string;
  createdAt: Date;
}

/** One comment thread to export: its first comment opens it, the others are replies. */
export interface ExportThread {
  id: string;
  isResolved: boolean;
  /** The text it was made on (shown when that text is no longer in the document). */
  quote: string;
  comments: readonly ExportComment[];
}

/** What a DOCX with review notes carries beside the text. */
export interface DocxReview {
  /** The threads to write as Word comments (the caller chose which: open only, or all). */
  threads: readonly ExportThread[];
  /** Author and date of a suggestion by its id; unknown ones get a generic author. */
  suggestionAuthor?: SuggestionAuthorLookup;
  /** The date of suggestions whose record is unknown (default: now). */
  now?: Date;
}

/** Up to two initials of a name, as Word shows beside a comment. */
function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');
}

/** Word's revision date: ISO 8601 without milliseconds. */
const wordDate = (date: Date): string => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The thread ids of a text node's comment marks (several threads may cover the same text). */
function threadIdsOf(node: ProseMirrorNode): string[] {
  return node.marks
    .filter((mark) => mark.type.name === EDITOR_MARK.comment)
    .map((mark): unknown => mark.attrs.threadId)
    .filter((id): id is string => typeof id === 'string');
}

/**
 * The review notes of one export, filled in while the DOCX converter walks the document:
 * `textRuns` for each text node, then `comments()` and `unanchoredBlocks()` at the end.
 */
export class DocxReviewMarkup {
  private readonly threads: readonly ExportThread[];
  /** Each exported thread's Word comment ids: its first comment, then its replies. */
  private readonly commentIds = new Map<string, number[]>();
  /** How many marked text nodes of each thread the walk has still to write. */
  private readonly remaining = new Map<string, number>();
  private readonly started = new Set<string>();
  private readonly suggestionAuthor: SuggestionAuthorLookup;
  private readonly now: Date;
  private nextRevisionId: number;

  constructor(doc: ProseMirrorNode, review: DocxReview) {
    // A thread without any comment left has nothing to say in Word.
    this.threads = review.threads.filter((thread) => thread.comments.length > 0);
    let nextId = 0;
    for (const thread of this.threads) {
      this.commentIds.set(
        thread.id,
        thread.comments.map(() => nextId++),
      );
    }
    this.nextRevisionId = nextId;
    this.suggestionAuthor = review.suggestionAuthor ?? (() => undefined);
    this.now = review.now ?? new Date();
    doc.descendants((node) => {
      if (!node.isText) return true;
      for (const threadId of new Set(threadIdsOf(node))) {
        if (this.commentIds.has(threadId)) {
          this.remaining.set(threadId, (this.remaining.get(threadId) ?? 0) + 1);
        }
      }
      return false;
    });
  }

  /**
   * One text node's runs: comment ranges opening before it, the run itself (`wrap` puts it in
   * its link), and the ranges that end with it, each followed by its comment's reference.
   */
  textRuns(
    node: ProseMirrorNode,
    options: IRunOptions,
    wrap: (run: ParagraphChild) => ParagraphChild,
  ): ParagraphChild[] {
    const threadIds = [...new Set(threadIdsOf(node))].filter((id) => this.commentIds.has(id));
    const children: ParagraphChild[] = [];
    for (const threadId of threadIds) {
      if (this.started.has(threadId)) continue;
      this.started.add(threadId);
      children.push(...this.idsOf(threadId).map((id) => new CommentRangeStart(id)));
    }
    children.push(wrap(this.run(node, options)));
    for (const threadId of threadIds) {
      const left = (this.remaining.get(threadId) ?? 0) - 1;
      this.remaining.set(threadId, left);
      if (left === 0) children.push(...this.rangeEnds(threadId));
    }
    return children;
  }

  /** The Word comments (comments.xml) of every exported thread, replies after their thread. */
  comments(): ICommentOptions[] {
    return this.threads.flatMap((thread) => {
      const ids = this.idsOf(thread.id);
      const rootId = ids[0] ?? 0;
      return thread.comments.map((comment, index): ICommentOptions => ({
        id: ids[index] ?? rootId,
        author: comment.authorName,
        initials: initialsOf(comment.authorName),
        date: comment.createdAt,
        children: [
          ...comment.body.split('\n').map((line) => new Paragraph(line)),
          ...(thread.isResolved && index === thread.comments.length - 1
            ? [new Paragraph({ children: [new TextRun({ text: RESOLVED_NOTE, italics: true })] })]
            : []),
        ],
        ...(index > 0 ? { parentId: rootId } : {}),
        resolved: thread.isResolved,
      }));
    });
  }

  /**
   * After the document: ranges still open (should the walk have skipped marked text), then
   * the threads whose text is gone, each anchored on its quote under one heading.
   */
  unanchoredBlocks(): Paragraph[] {
    const blocks: Paragraph[] = [];
    const unclosed = [...this.started].filter((id) => (this.remaining.get(id) ?? 0) > 0);
    if (unclosed.length > 0) {
      blocks.push(new Paragraph({ children: unclosed.flatMap((id) => this.rangeEnds(id)) }));
    }
    const orphaned = this.threads.filter((thread) => !this.started.has(thread.id));
    if (orphaned.length === 0) return blocks;
    blocks.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        children: [new TextRun(UNANCHORED_HEADING)],
      }),
    );
    for (const thread of orphaned) {
      const ids = this.idsOf(thread.id);
      blocks.push(
        new Paragraph({
          children: [
            ...ids.map((id) => new CommentRangeStart(id)),
            new TextRun({ text: `“${thread.quote || '…'}”`, italics: true }),
            ...this.rangeEnds(thread.id),
          ],
        }),
      );
    }
    return blocks;
  }

  private idsOf(threadId: string): number[] {
    return this.commentIds.get(threadId) ?? [];
  }

  /** The end of a thread's ranges and their references (where Word shows the comment mark). */
  private rangeEnds(threadId: string): ParagraphChild[] {
    this.remaining.set(threadId, 0);
    return this.idsOf(threadId).flatMap((id) => [
      new CommentRangeEnd(id),
      new TextRun({ children: [new CommentReference(id)] }),
    ]);
  }

  /** The text as a plain, inserted or deleted run. */
  private run(node: ProseMirrorNode, options: IRunOptions): ParagraphChild {
    const suggestion = suggestionOf(node.marks);
    if (!suggestion) return new TextRun(options);
    const known = this.suggestionAuthor(suggestion.id);
    const change = {
      id: this.nextRevisionId++,
      author: known?.authorName ?? UNKNOWN_SUGGESTION_AUTHOR,
      date: wordDate(known?.createdAt ?? this.now),
    };
    // The markers a suggestion leaves where it crosses a paragraph edge are not text.
    const text =
      typeof options.text === 'string' ? withoutSuggestionMarkers(options.text) : undefined;
    const run = text === undefined ? options : { ...options, text };
    return suggestion.kind === 'insertion'
      ? new InsertedTextRun({ ...run, ...change })
      : new DeletedTextRun({ ...run, ...change });
  }
}
