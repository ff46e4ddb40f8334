/**
 * The shared types of the editor's Y.Doc, named in one place. The client binds Tiptap to
 * `EDITOR_FRAGMENT`; server-side templates and derived text read and write the same fragment;
 * the collab server refuses updates that write into any other top-level type (see
 * docs/COLLAB.md), so nothing can grow a document where no one sees it.
 */

/** The Y.XmlFragment holding the editor's content (Tiptap's default field name). */
export const EDITOR_FRAGMENT = 'default';

/**
 * Every top-level shared type the editor, the templates and the derived-text code use. Nested
 * types (paragraphs, text, table cells) live inside these and are allowed with them.
 */
export const EDITOR_ROOT_TYPES: readonly string[] = [EDITOR_FRAGMENT];
