/**
 * How comment marks look, per thread: open threads are highlighted, resolved ones are not,
 * and the active thread's text stands out. One small style element keyed by thread id, so
 * the editor's content (the shared document) never changes to show a highlight.
 */
import type { ThreadDto } from '../../../shared/api/threads';
import { COMMENT_THREAD_ATTRIBUTE } from '../../../shared/editor/commentMark';

/** Thread ids are opaque: only those safe inside a CSS attribute selector are styled. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

const selector = (threadId: string): string =>
  `.ProseMirror [${COMMENT_THREAD_ATTRIBUTE}="${threadId}"]`;

/** The style element for `threads`; renders nothing visible. */
export function CommentHighlights({
  threads,
  activeThreadId,
}: {
  threads: readonly ThreadDto[];
  activeThreadId: string | null;
}) {
  const resolved = threads
    .filter((thread) => thread.status === 'resolved' && SAFE_ID.test(thread.id))
    .map((thread) => selector(thread.id));
  const rules: string[] = [];
  if (resolved.length > 0) rules.push(`${resolved.join(',')} { background: none; border: 0; }`);
  if (activeThreadId && SAFE_ID.test(activeThreadId)) {
    rules.push(`${selector(activeThreadId)} { background: var(--comment-active, #f7c948); }`);
  }
  return <style data-testid="comment-highlights">{rules.join('\n')}</style>;
}
