/**
 * The one list of Tiptap extensions that defines what a document may contain, shared by the
 * browser editor and by Node (templates, derived text, tests; later comment and suggestion
 * marks placed by the server). Only content-defining extensions belong here: client-only ones
 * (Collaboration, carets, placeholders, menus) are added by `client/src/editor/CollabEditor.tsx`.
 *
 * Everything imported here must load without a DOM: the server imports this module at start.
 * The @tiptap packages are devDependencies, which `npm ci` installs and `npm start` already
 * needs to build the client.
 */
import { getSchema, type Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import type { Schema } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { CommentMark } from './commentMark';
import { SectionGuidanceAttribute } from './sectionGuidance';
import { SafeImage } from './safeImage';
import { DeletionMark, InsertionMark, ModificationMark } from './suggestionMarks';

/**
 * The content-defining extensions: StarterKit's nodes and marks (headings carrying a template
 * section's guidance), links, tables, images, the comment threads' anchor mark, and the
 * suggestion marks (`suggestionMarks.ts`).
 */
export function editorExtensions(): Extensions {
  return [
    StarterKit.configure({
      // Collaboration brings Yjs undo (only your own changes); StarterKit's history would
      // undo other people's edits too, and the two must not run together.
      undoRedo: false,
      link: { openOnClick: false, autolink: true },
    }),
    SectionGuidanceAttribute,
    // The editor offers no column-resizing handles (cells keep Tiptap's default widths).
    TableKit.configure({ table: { resizable: false } }),
    SafeImage,
    CommentMark,
    InsertionMark,
    DeletionMark,
    ModificationMark,
  ];
}

let schema: Schema | undefined;

/**
 * The ProseMirror schema of `editorExtensions()`, built once (schemas are immutable). Use it
 * in Node to build or check content: `yXmlFragmentToProseMirrorRootNode(fragment,
 * getEditorSchema()).check()`.
 */
export function getEditorSchema(): Schema {
  schema ??= getSchema(editorExtensions());
  return schema;
}
