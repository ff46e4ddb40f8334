/**
 * The editor's suggestion mode ("Suggesting"): while it is on, typing inserts text carrying an
 * `insertion` mark and deleting marks text with a `deletion` mark instead of removing it
 * (`@handlewithcare/prosemirror-suggest-changes`). Only the person's own transactions are
 * turned into suggestions: changes arriving from others through Yjs (y-prosemirror's
 * change-origin transactions) and Yjs undo/redo pass unchanged, so undo takes back a
 * suggestion rather than suggesting its removal. Each suggestion gets a fresh id naming its
 * author (`shared/editor/suggestionId.ts`), which the server checks.
 */
import {
  enableSuggestChanges,
  isSuggestChangesEnabled,
  suggestChanges,
  toggleSuggestChanges,
  withSuggestChanges,
} from '@handlewithcare/prosemirror-suggest-changes';
import { Extension, type Editor } from '@tiptap/core';
import { newSuggestionId } from '../../../shared/editor/suggestionId';

/** Options: whose suggestions these are, and whether the mode starts (and stays) on. */
export interface SuggestModeOptions {
  authorId: string;
  /** Reviewers: always on (their connection only accepts suggestions). */
  isAlwaysOn: boolean;
}

/** The suggestion-mode extension of the browser editor. */
export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: 'suggestMode',
  addOptions: () => ({ authorId: '', isAlwaysOn: false }),
  addProseMirrorPlugins: () => [suggestChanges()],
  onCreate() {
    if (this.options.isAlwaysOn) enableSuggestChanges(this.editor.state, this.editor.view.dispatch);
  },
  dispatchTransaction({ transaction, next }) {
    const { authorId } = this.options;
    const view = this.editor.view;
    withSuggestChanges(
      (tr) => next(tr),
      () => newSuggestionId(authorId),
    ).call(view, transaction);
  },
});

/** Whether the editor is in suggestion mode now. */
export function isSuggesting(editor: Editor): boolean {
  return isSuggestChangesEnabled(editor.state);
}

/** Turns suggestion mode on or off (the "Suggesting" toggle of owners and editors). */
export function toggleSuggesting(editor: Editor): void {
  toggleSuggestChanges(editor.state, editor.view.dispatch);
}
