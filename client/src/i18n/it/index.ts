/**
 * Italian UI strings, one file per use case as in English; typed against the English set
 * so a missing key fails the type check.
 */
import type { Messages } from '../en';
import { appMessages } from './app';
import { accountMessages } from './account';
import { workspaceMessages } from './workspaces';
import { reviewMessages } from './review';
import { editorMessages } from './editor';
import { vocabularyMessages } from './vocabulary';

export const it: Messages = {
  ...appMessages,
  ...accountMessages,
  ...workspaceMessages,
  ...reviewMessages,
  ...editorMessages,
  ...vocabularyMessages,
};
