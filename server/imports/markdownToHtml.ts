/**
 * Markdown → HTML with markdown-it (CommonMark plus GitHub tables and strikethrough). Raw HTML
 * inside the Markdown is not rendered: it stays visible as text, like a pasted snippet.
 */
import MarkdownIt from 'markdown-it';
import { corruptFile } from './importErrors';

const markdown = new MarkdownIt({ html: false, linkify: true });

/** The Markdown file's text as HTML; 422 `corrupt_file` unless it is UTF-8 text. */
export function markdownToHtml(file: Buffer): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    throw corruptFile('it is not UTF-8 text');
  }
  // NUL never appears in text: this is a binary file named .md.
  if (text.includes('\u0000')) throw corruptFile('it is not a text file');
  return markdown.render(text.replace(/^\uFEFF/, ''));
}
