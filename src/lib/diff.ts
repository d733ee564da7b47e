/**
 * A small diff for showing people what changed between two versions of a text: the longest
 * common subsequence of words (or lines), reported as runs of kept, removed and added text.
 */

export type DiffKind = 'same' | 'removed' | 'added';

export interface DiffSegment {
  kind: DiffKind;
  text: string;
}

/**
 * Beyond this many comparisons (two texts of about 2,000 words each) the table would cost more
 * memory than a readable diff is worth; such edits are shown as a replacement instead.
 */
const MAX_TABLE_CELLS = 4_000_000;

/**
 * Words, runs of whitespace and single punctuation marks, so that "hall." → "hall and more."
 * shows only the added words, and the tokens rebuild the text exactly.
 */
export function wordTokens(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_]/gu) ?? [];
}

/** Lines with their line breaks. */
export function lineTokens(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function push(segments: DiffSegment[], kind: DiffKind, text: string): void {
  if (text === '') return;
  const last = segments[segments.length - 1];
  if (last && last.kind === kind) last.text += text;
  else segments.push({ kind, text });
}

/** Length of the longest common subsequence of a[i..] and b[j..], for every i and j. */
function lcsTable(a: readonly string[], b: readonly string[]): Uint32Array {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * width + j] =
        a[i] === b[j] ? (table[(i + 1) * width + j + 1] as number) + 1 : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  return table;
}

function diffMiddle(a: readonly string[], b: readonly string[], segments: DiffSegment[]): void {
  if ((a.length + 1) * (b.length + 1) > MAX_TABLE_CELLS) {
    push(segments, 'removed', a.join(''));
    push(segments, 'added', b.join(''));
    return;
  }
  const table = lcsTable(a, b);
  const width = b.length + 1;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(segments, 'same', a[i] as string);
      i += 1;
      j += 1;
    } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number)) {
      push(segments, 'removed', a[i] as string);
      i += 1;
    } else {
      push(segments, 'added', b[j] as string);
      j += 1;
    }
  }
  push(segments, 'removed', a.slice(i).join(''));
  push(segments, 'added', b.slice(j).join(''));
}

/** Diffs two token lists; the common start and end are set aside first, as most edits are local. */
export function diffTokens(before: readonly string[], after: readonly string[]): DiffSegment[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore -= 1;
    endAfter -= 1;
  }
  const segments: DiffSegment[] = [];
  push(segments, 'same', before.slice(0, start).join(''));
  diffMiddle(before.slice(start, endBefore), after.slice(start, endAfter), segments);
  push(segments, 'same', before.slice(endBefore).join(''));
  return segments;
}

export function diffWords(before: string, after: string): DiffSegment[] {
  return diffTokens(wordTokens(before), wordTokens(after));
}

export function diffLines(before: string, after: string): DiffSegment[] {
  return diffTokens(lineTokens(before), lineTokens(after));
}

/** The text on one side of a diff: what it was (`before`) or what it became (`after`). */
export function sideOf(segments: readonly DiffSegment[], side: 'before' | 'after'): string {
  const hidden: DiffKind = side === 'before' ? 'added' : 'removed';
  return segments
    .filter((segment) => segment.kind !== hidden)
    .map((segment) => segment.text)
    .join('');
}
