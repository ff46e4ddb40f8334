/**
 * Reading helpers over a published document's content: its outline (from the published
 * version, not the live document's derived outline) and one level-2 section for comparison.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import type { OutlineHeading } from '../storage/port/documents';

/** The headings of `doc`, in order. */
export function outlineOf(doc: ProseMirrorNode): OutlineHeading[] {
  const headings: OutlineHeading[] = [];
  doc.forEach((node) => {
    if (node.type.name === 'heading') {
      headings.push({ level: Number(node.attrs.level) || 1, text: node.textContent });
    }
  });
  return headings;
}

/** Case and spacing folded, so "Role of  stakeholders" finds "role of stakeholders". */
export function normaliseHeading(text: string): string {
  return text.toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/**
 * The content under the first level-2 heading named `name` (case/space-insensitive), up to
 * the next level-2 heading, as a document of its own (without the heading); null if absent.
 */
export function sectionOf(doc: ProseMirrorNode, name: string): ProseMirrorNode | null {
  const wanted = normaliseHeading(name);
  const children: ProseMirrorNode[] = [];
  let inside = false;
  let found = false;
  doc.forEach((node) => {
    const isLevel2 = node.type.name === 'heading' && Number(node.attrs.level) === 2;
    if (isLevel2) {
      inside = !found && normaliseHeading(node.textContent) === wanted;
      found ||= inside;
      return;
    }
    if (inside) children.push(node);
  });
  if (!found) return null;
  return doc.type.create(doc.attrs, children);
}
