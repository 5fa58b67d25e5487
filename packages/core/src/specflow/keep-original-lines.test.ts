import { describe, expect, it } from 'vitest';
import { keepOriginalLines } from './keep-original-lines.js';
import { writeBackRelease, writeBackRollback } from './write-back.js';

const release = {
  version: '1.4.0',
  tag: 'v1.4.0',
  tagCreatedAt: '2026-11-26T10:00:00Z',
  deployedAt: '2026-11-26T10:01:30Z',
  commitSha: '3f2a9c1e0b7d4c2a9e8f1a2b3c4d5e6f7a8b9c0d',
  shipReport: 'specs/002-search/production-ship-report.md',
};

const HAND_ALIGNED = [
  '# kept by hand: the comments are aligned',
  'feature:   search        # the slug',
  'workflow:',
  '  phase: ship:ship-staging',
  '  completed_phases: [spec,  plan]',
  '',
  'staging:',
  '  validated: true        # approved in the review',
  '  approved_by:  "ana"',
  'deployment:',
  '  staging: {deployed: true,  url: "https://staging.example"}',
  '  production:',
  '    deployed: false',
  'notes: |',
  '  keep   this',
  '    exactly',
  '',
].join('\n');

describe('keepOriginalLines', () => {
  it('leaves every line a write-back does not change byte for byte as it was', () => {
    const written = writeBackRelease(HAND_ALIGNED, release);
    const untouched = HAND_ALIGNED.split('\n').filter((line) => !/phase|deployed: false/.test(line));
    for (const line of untouched) expect(written.split('\n')).toContain(line);
    expect(written).toContain('  phase: ship:ship-prod\n');
    expect(written).toContain('    deployed: true\n    version: 1.4.0\n');
  });

  it('keeps CRLF line endings on every line, old and new', () => {
    const crlf = HAND_ALIGNED.replaceAll('\n', '\r\n');
    const written = writeBackRollback(writeBackRelease(crlf, release), { from: '1.4.0', to: '1.3.2', at: '2026-11-26T11:00:00Z' });
    expect(written.split('\r\n').length).toBeGreaterThan(HAND_ALIGNED.split('\n').length);
    expect(written.replaceAll('\r\n', '')).not.toContain('\n');
    expect(written).toContain('feature:   search        # the slug\r\n');
    expect(written).toContain('    rollback_to: 1.3.2\r\n');
  });

  it('a second write-back of the same facts changes nothing', () => {
    const once = writeBackRelease(HAND_ALIGNED, release);
    expect(writeBackRelease(once, release)).toBe(once);
  });

  it('keeps the printed line when the original spacing would change a value', () => {
    // the same shape once whitespace is collapsed, but a different string inside the quotes
    const original = 'title: "two  spaces"\nother: 1\n';
    const printed = 'title: "two spaces"\nother: 2\n';
    expect(keepOriginalLines(original, printed)).toBe(printed);
  });

  it('keeps the printed text of a line it cannot align', () => {
    expect(keepOriginalLines('a:   1\nb: 2\n', 'a: 1\nc: 3\nb: 2\n')).toBe('a:   1\nc: 3\nb: 2\n');
  });
});
