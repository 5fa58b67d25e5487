import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../db/schema.js';
import { decisionsSection, markdownText } from './decisions-section.js';

const row = (over: Partial<AuditRow>): AuditRow => ({ id: 1, at: '2026-11-28T12:00:00.000Z', actor: 'Ada', actorId: 'oidc:ada', action: 'promote', projectId: 'p', releaseId: 'r', reason: null, detail: null, ...over });

describe('the Decisions section', () => {
  it('is empty without decisions beyond the promote (the report already says who released it)', () => {
    expect(decisionsSection([])).toBe('');
    expect(decisionsSection([row({ action: 'promote' })])).toBe('');
    expect(decisionsSection([row({ action: 'promote' }), row({ id: 2, action: 'cancel', reason: 'wrong build' })])).toContain('| Ada | cancelled | wrong build |');
  });

  it('lists who decided what and why, oldest first', () => {
    const text = decisionsSection([
      row({ action: 'promote', detail: { bump: null, dryRun: false } }),
      row({ id: 2, action: 'freeze_override', reason: 'security fix', detail: { freeze: 'weekends', until: '2026-11-29T23:00:00.000Z' } }),
      row({ id: 3, actor: 'Shipgate', action: 'lock', reason: 'v2.7.0 was rolled back automatically: unlock when the fix is in', detail: { automatic: true, lockAfterRollback: true } }),
    ]);
    expect(text.split('\n').slice(0, 8)).toEqual([
      '',
      '## Decisions',
      '',
      '| when | who | decision | reason |',
      '| --- | --- | --- | --- |',
      '| 2026-11-28T12:00:00.000Z | Ada | promoted | — |',
      '| 2026-11-28T12:00:00.000Z | Ada | overrode the freeze "weekends" (frozen until 2026-11-29T23:00:00.000Z) | security fix |',
      '| 2026-11-28T12:00:00.000Z | Shipgate | locked the project after the automatic rollback (lockAfterRollback) | v2.7.0 was rolled back automatically: unlock when the fix is in |',
    ]);
  });

  it("people's text cannot add cells, rows, links, images or HTML", () => {
    const text = decisionsSection([row({ actor: 'Eve | x', action: 'freeze_override', reason: 'a | b\n| c | d |\n![x](http://evil) <img src=x onerror=alert(1)> [click](javascript:alert(1))', detail: { freeze: 'w|x', until: 'never' } })]);
    const last = text.trim().split('\n').at(-1)!;
    expect(text.trim().split('\n')).toHaveLength(5);
    // every | that is not escaped is a cell border: 5 of them for 4 cells
    expect(last.match(/(?<!\\)\|/g)).toHaveLength(5);
    expect(last).not.toMatch(/(?<!\\)[<[!]/);
    expect(markdownText('[a](b)')).toBe('\\[a\\]\\(b\\)');
  });
});
