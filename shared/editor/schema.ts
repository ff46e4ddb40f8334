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

/**
 * The node names stored in the fragment (Tiptap's names, as `editorExtensions()` defines them).
 * Code that writes or reads content without the editor (templates, derived text) names nodes
 * through this map, and `shared/editor/extensions.test.ts` checks it equals the schema's
 * node list, so a renamed or added node cannot go unnoticed.
 */
export const EDITOR_NODE = {
  doc: 'doc',
  text: 'text',
  paragraph: 'paragraph',
  heading: 'heading',
  blockquote: 'blockquote',
  codeBlock: 'codeBlock',
  horizontalRule: 'horizontalRule',
  hardBreak: 'hardBreak',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  table: 'table',
  tableRow: 'tableRow',
  tableHeader: 'tableHeader',
  tableCell: 'tableCell',
  image: 'image',
} as const;

/** The mark names stored as formatting attributes on text (checked like `EDITOR_NODE`). */
export const EDITOR_MARK = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  strike: 'strike',
  code: 'code',
  link: 'link',
  /** A comment thread's anchor (attribute `threadId`); threads may overlap. */
  comment: 'comment',
  /** Suggested new content (attribute `id`, see `suggestionMarks.ts`). */
  insertion: 'insertion',
  /** Content suggested for removal, still present until accepted (attribute `id`). */
  deletion: 'deletion',
  /** A block whose type or attributes a suggestion changes (the library's third mark). */
  modification: 'modification',
} as const;
