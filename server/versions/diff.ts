/**
 * Word-level comparison of two texts, paragraph by paragraph, for the version compare view.
 * A small longest-common-subsequence diff (no dependency): paragraphs are aligned first, then
 * the words of each changed paragraph. Pure; formatting and comment marks never reach it (it
 * compares plain text).
 */

/** One step of a sequence diff: keep `a[aIndex]` (= `b[bIndex]`), drop `a[aIndex]`, or add `b[bIndex]`. */
export type SequenceOp =
  | { op: 'equal'; aIndex: number; bIndex: number }
  | { op: 'delete'; aIndex: number }
  | { op: 'insert'; bIndex: number };

/**
 * Above this many LCS cells (after trimming the common start and end), the middle is reported
 * as deleted and inserted whole instead of aligned: bounds time and memory for huge rewrites.
 */
const MAX_LCS_CELLS = 4_000_000;

/** The shortest edit from `a` to `b` (longest common subsequence), in order. */
export function diffSequences<T>(
  a: readonly T[],
  b: readonly T[],
  equals: (x: T, y: T) => boolean = Object.is,
): SequenceOp[] {
  let start = 0;
  while (start < a.length && start < b.length && equals(a[start]!, b[start]!)) start += 1;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > start && bEnd > start && equals(a[aEnd - 1]!, b[bEnd - 1]!)) {
    aEnd -= 1;
    bEnd -= 1;
  }
  const ops: SequenceOp[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: 'equal', aIndex: i, bIndex: i });
  ops.push(...diffMiddle(a, b, start, aEnd, bEnd, equals));
  for (let i = 0; aEnd + i < a.length; i++) {
    ops.push({ op: 'equal', aIndex: aEnd + i, bIndex: bEnd + i });
  }
  return ops;
}

function diffMiddle<T>(
  a: readonly T[],
  b: readonly T[],
  start: number,
  aEnd: number,
  bEnd: number,
  equals: (x: T, y: T) => boolean,
): SequenceOp[] {
  const n = aEnd - start;
  const m = bEnd - start;
  const ops: SequenceOp[] = [];
  if (n * m > MAX_LCS_CELLS || n === 0 || m === 0) {
    for (let i = start; i < aEnd; i++) ops.push({ op: 'delete', aIndex: i });
    for (let j = start; j < bEnd; j++) ops.push({ op: 'insert', bIndex: j });
    return ops;
  }
  // lengths[i][j]: LCS length of a[start+i..] and b[start+j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = equals(a[start + i]!, b[start + j]!)
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (equals(a[start + i]!, b[start + j]!)) {
      ops.push({ op: 'equal', aIndex: start + i, bIndex: start + j });
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      ops.push({ op: 'delete', aIndex: start + i });
      i += 1;
    } else {
      ops.push({ op: 'insert', bIndex: start + j });
      j += 1;
    }
  }
  for (; i < n; i++) ops.push({ op: 'delete', aIndex: start + i });
  for (; j < m; j++) ops.push({ op: 'insert', bIndex: start + j });
  return ops;
}

/** A run of text that is in both versions, only in the older (`delete`) or only in the newer (`insert`). */
export interface TextOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** One paragraph of a comparison: unchanged, changed (word ops), or only in one version. */
export interface ParagraphDiff {
  kind: 'equal' | 'changed' | 'inserted' | 'deleted';
  ops: TextOp[];
}

/** Words and the spaces between them, so a diff keeps the spacing of the text. */
function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Word-level ops from `before` to `after`, neighbouring ops of one kind merged. */
export function diffWords(before: string, after: string): TextOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  const ops: TextOp[] = [];
  const push = (op: TextOp['op'], text: string): void => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  for (const step of diffSequences(a, b)) {
    if (step.op === 'equal') push('equal', a[step.aIndex]!);
    else if (step.op === 'delete') push('delete', a[step.aIndex]!);
    else push('insert', b[step.bIndex]!);
  }
  return ops;
}

/**
 * Compares two texts given as paragraphs: paragraphs are aligned (equal ones kept), and each
 * run of removed paragraphs facing a run of added ones is paired up in order and compared
 * word by word; the rest are whole insertions or deletions.
 */
export function diffParagraphs(
  before: readonly string[],
  after: readonly string[],
): ParagraphDiff[] {
  const result: ParagraphDiff[] = [];
  let deleted: string[] = [];
  let inserted: string[] = [];
  const flush = (): void => {
    const paired = Math.min(deleted.length, inserted.length);
    for (let k = 0; k < paired; k++) {
      result.push({ kind: 'changed', ops: diffWords(deleted[k]!, inserted[k]!) });
    }
    for (const text of deleted.slice(paired)) {
      result.push({ kind: 'deleted', ops: [{ op: 'delete', text }] });
    }
    for (const text of inserted.slice(paired)) {
      result.push({ kind: 'inserted', ops: [{ op: 'insert', text }] });
    }
    deleted = [];
    inserted = [];
  };
  for (const step of diffSequences(before, after)) {
    if (step.op === 'equal') {
      flush();
      result.push({ kind: 'equal', ops: [{ op: 'equal', text: before[step.aIndex]! }] });
    } else if (step.op === 'delete') deleted.push(before[step.aIndex]!);
    else inserted.push(after[step.bIndex]!);
  }
  flush();
  return result;
}
