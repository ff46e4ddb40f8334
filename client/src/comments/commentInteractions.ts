/**
 * Browser-only editor behaviour of comments: a click on highlighted text opens its thread
 * (the innermost one where threads overlap), and Ctrl+Alt+M (⌘⌥M) comments on the selection.
 * The shortcut listens on the page, not in the editor's keymap: ProseMirror does not run key
 * handlers of a read-only editor, and reviewers (read-only) comment too.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { COMMENT_THREAD_ATTRIBUTE } from '../../../shared/editor/commentMark';

/** What the page does on a shortcut or a click on commented text. */
export interface CommentHandlers {
  onCommentShortcut: () => void;
  onThreadClick: (threadId: string) => void;
}

/** Stable handlers that call the latest ones given to `use` (set from an effect). */
export interface CommentHandlerBox {
  handlers: CommentHandlers;
  use(next: CommentHandlers): void;
}

/** A box whose handlers do nothing until `use` is called. */
export function createCommentHandlerBox(): CommentHandlerBox {
  let current: CommentHandlers = {
    onCommentShortcut: () => undefined,
    onThreadClick: () => undefined,
  };
  return {
    handlers: {
      onCommentShortcut: () => current.onCommentShortcut(),
      onThreadClick: (threadId) => current.onThreadClick(threadId),
    },
    use(next) {
      current = next;
    },
  };
}

/** The extension, bound to the page's handlers. */
export function commentInteractions(handlers: CommentHandlers) {
  return Extension.create({
    name: 'commentInteractions',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: new PluginKey('commentClicks'),
          props: {
            handleClick(_view, _position, event) {
              const target = event.target instanceof Element ? event.target : null;
              const marked = target?.closest(`[${COMMENT_THREAD_ATTRIBUTE}]`);
              const threadId = marked?.getAttribute(COMMENT_THREAD_ATTRIBUTE);
              if (threadId) handlers.onThreadClick(threadId);
              // Never take the click from the editor: the caret still moves there.
              return false;
            },
          },
        }),
      ];
    },
  });
}

/** Whether a key press is the comment shortcut (by key position: Alt changes the letter on macOS). */
export function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM';
}
