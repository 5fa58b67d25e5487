import { describe, expect, it } from 'vitest';
import { createLineSplitter } from './line-splitter.js';

describe('line splitter', () => {
  it('joins chunks into complete lines and strips carriage returns', () => {
    const lines: string[] = [];
    const splitter = createLineSplitter((line) => lines.push(line));
    splitter.push('a\r\nb');
    splitter.push('c\n\nd');
    expect(lines).toEqual(['a', 'bc', '']);
    splitter.flush();
    expect(lines).toEqual(['a', 'bc', '', 'd']);
  });

  it('emits nothing on flush when the output ended with a newline', () => {
    const lines: string[] = [];
    const splitter = createLineSplitter((line) => lines.push(line));
    splitter.push('done\n');
    splitter.flush();
    expect(lines).toEqual(['done']);
  });
});
