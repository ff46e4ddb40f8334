/**
 * The stylesheet of the standalone HTML export: a readable page on screen and on paper
 * (tables keep their borders, headings stay with the text after them).
 */
export const EXPORT_STYLESHEET = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #1a1a1a;
  font: 16px/1.6 "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.document { max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
.document-title { font-size: 2rem; margin-bottom: 1.5rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.6em 0 0.5em; }
a { color: #0b57d0; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 4px solid #c4c7c5; color: #444; }
pre { background: #f4f4f4; padding: 0.75em 1em; overflow-x: auto; border-radius: 4px; }
code { font-family: "SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
table { border-collapse: collapse; margin: 1em 0; width: 100%; }
th, td { border: 1px solid #999; padding: 0.35em 0.6em; vertical-align: top; text-align: left; }
th { background: #eef1f4; }
img { max-width: 100%; height: auto; }
hr { border: none; border-top: 1px solid #c4c7c5; margin: 2em 0; }
@media print {
  body { font-size: 11pt; }
  .document { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; }
  table, figure, img, pre, blockquote { break-inside: avoid; }
}
`;
