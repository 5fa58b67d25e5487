import type { ReleaseEvent } from '@shipgate/core';
import { describe, expect, it } from 'vitest';
import { LogBudget } from './log-budget.js';

const line = (i: number): ReleaseEvent => ({ type: 'step.log', step: 'deploy', line: `line ${i}`, stream: 'stdout' });
const limits = { head: 3, tail: 2, maxLineChars: 20, progressMs: 1000, maxProgress: 2 };
const lines = (events: ReleaseEvent[]) => events.map((e) => (e.type === 'step.log' ? e.line : e.type));

describe('LogBudget', () => {
  it('keeps the head, counts the middle, and at the step end says what was dropped before the kept tail', () => {
    const budget = new LogBudget(limits);
    const stored: ReleaseEvent[] = [];
    for (let i = 1; i <= 10; i++) stored.push(...budget.admit(line(i), 0));
    stored.push(...budget.admit({ type: 'step.finished', step: 'deploy', status: 'succeeded', durationMs: 1, detail: '' }, 0));
    expect(lines(stored)).toEqual([
      'line 1',
      'line 2',
      'line 3',
      expect.stringMatching(/first 3 lines are kept, then only the last 2/),
      '[shipgate] … 5 lines not stored (lines 4–8 of 10); the last 2 follow',
      'line 9',
      'line 10',
      'step.finished',
    ]);
    expect(stored[4]).toMatchObject({ dropped: 5 });
  });

  it('a short log passes through untouched; a release status change drains every step', () => {
    const budget = new LogBudget(limits);
    expect(lines([...budget.admit(line(1)), ...budget.admit(line(2))])).toEqual(['line 1', 'line 2']);
    for (let i = 3; i <= 5; i++) budget.admit(line(i));
    expect(lines(budget.admit({ type: 'release.status', status: 'failed' }))).toEqual(['line 4', 'line 5', 'release.status']);
  });

  it('reports progress while dropping, at most maxProgress times, and cuts very long lines', () => {
    const budget = new LogBudget(limits);
    const stored: ReleaseEvent[] = [];
    for (let i = 1; i <= 100; i++) stored.push(...budget.admit(line(i), i * 500));
    expect(lines(stored).filter((l) => l.includes('not stored so far'))).toHaveLength(2);
    const long = budget.admit({ type: 'step.log', step: 'tag', line: 'x'.repeat(50) });
    expect(lines(long)).toEqual([`${'x'.repeat(20)} … [30 more characters not stored]`]);
  });
});
