// yaml's printer normalises spacing (`key:   value   # note` becomes `key: value # note`) and
// line endings, which would turn a write-back of a few fields into a whole-file diff in the
// team's repository. This puts back the original text of every line the edit did not change.
import { parse } from 'yaml';

/** Above this many line pairs the alignment is skipped and the printed text kept as is. */
const MAX_CELLS = 4_000_000;

/**
 * Aligns the printed lines with the original ones (longest common subsequence, comparing lines
 * with their inner whitespace collapsed) and keeps the original of each aligned line, in the
 * original's line endings. When that would not read back as the same data, the printed text
 * wins: restoring whitespace must never change a value.
 */
export function keepOriginalLines(original: string, printed: string): string {
  const eol = original.includes('\r\n') ? '\r\n' : '\n';
  const before = original.split(/\r?\n/);
  const after = printed.split('\n');
  if (before.length * after.length > MAX_CELLS) return after.join(eol);
  const a = before.map(shape);
  const b = after.map(shape);
  // lcs[i][j]: the longest common run of a[i..] and b[j..]
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (j < b.length) {
    if (i < a.length && a[i] === b[j]) {
      out.push(before[i]!);
      i++;
      j++;
    } else if (i < a.length && lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      i++;
    } else {
      out.push(after[j]!);
      j++;
    }
  }
  const kept = out.join(eol);
  return sameData(kept, printed) ? kept : after.join(eol);
}

/** The line's indentation as is, the rest with every run of whitespace as one space. */
function shape(line: string): string {
  const indent = /^[ \t]*/.exec(line)![0];
  return indent + line.slice(indent.length).replace(/\s+/g, ' ').trimEnd();
}

function sameData(left: string, right: string): boolean {
  try {
    return JSON.stringify(parse(left)) === JSON.stringify(parse(right));
  } catch {
    return false;
  }
}
