/**
 * The `comment` mark: the anchor of a comment thread in the shared text (attribute
 * `threadId`). The server writes it (reviewers may comment but not edit; see
 * `server/comments/anchor.ts`); the editor only shows it. Several threads may cover the same
 * text, so the mark excludes nothing (y-prosemirror then stores each thread's mark under its
 * own attribute key). It is not inclusive: typing at the end of commented text does not
 * stretch the comment over the new words. Derived plain text and search ignore marks.
 */
import { Mark, mergeAttributes } from '@tiptap/core';

/** The HTML attribute carrying the thread id (the editor finds the thread of a click by it). */
export const COMMENT_THREAD_ATTRIBUTE = 'data-thread-id';

/** The comment mark of the shared schema. */
export const CommentMark = Mark.create({
  name: 'comment',
  excludes: '',
  inclusive: false,
  addAttributes() {
    return {
      threadId: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute(COMMENT_THREAD_ATTRIBUTE),
        renderHTML: (attributes: Record<string, unknown>) =>
          typeof attributes.threadId === 'string'
            ? { [COMMENT_THREAD_ATTRIBUTE]: attributes.threadId }
            : {},
      },
    };
  },
  parseHTML() {
    return [{ tag: `span[${COMMENT_THREAD_ATTRIBUTE}]` }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ class: 'comment-mark' }, HTMLAttributes), 0];
  },
});
