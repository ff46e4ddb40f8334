/**
 * English UI strings, one file per use case: the reference set every other language must
 * match key for key.
 */
import type { Widen } from '../widen';
import { appMessages } from './app';
import { accountMessages } from './account';
import { workspaceMessages } from './workspaces';
import { reviewMessages } from './review';
import { editorMessages } from './editor';
import { vocabularyMessages } from './vocabulary';

export const en = {
  ...appMessages,
  ...accountMessages,
  ...workspaceMessages,
  ...reviewMessages,
  ...editorMessages,
  ...vocabularyMessages,
};

/** The shape every language must have: same keys as English, any text. */
export type Messages = Widen<typeof en>;
