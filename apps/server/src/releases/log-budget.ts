// Bounds what is stored of one step's log: the first `head` lines, then only a count, and the
// last `tail` lines when the step ends — with lines that say what was left out and how much.
// A 1,000,000-line deploy log becomes ~2,000 stored events instead of 217 MB of database, and
// every client (REST replay, WebSocket live) sees the same gapless sequence. A line longer
// than `maxLineChars` is cut and says so. While lines are being dropped, a progress line (at
// most every `progressMs`, at most `maxProgress` per step) keeps a following reader informed.
import type { ReleaseEvent } from '@shipgate/core';

type LogEvent = Extract<ReleaseEvent, { type: 'step.log' }>;

export interface LogBudgetLimits {
  head: number;
  tail: number;
  maxLineChars: number;
  progressMs: number;
  maxProgress: number;
}

export const DEFAULT_LOG_LIMITS: LogBudgetLimits = { head: 1000, tail: 1000, maxLineChars: 4000, progressMs: 5000, maxProgress: 100 };

const n = (value: number) => value.toLocaleString('en-US');

class StepBudget {
  kept = 0;
  dropped = 0;
  private ring: LogEvent[] = [];
  private start = 0;
  private lastProgress = 0;
  private progressLines = 0;

  constructor(
    readonly step: LogEvent['step'],
    private readonly limits: LogBudgetLimits,
  ) {}

  /** The events to store now for this line (none while only the tail is being kept). */
  admit(event: LogEvent, now: number): LogEvent[] {
    const line = cut(event, this.limits.maxLineChars);
    if (this.kept < this.limits.head) {
      this.kept++;
      return [line];
    }
    const out: LogEvent[] = [];
    if (this.ring.length === 0 && this.dropped === 0) {
      out.push(this.note(`[shipgate] this step writes a long log: its first ${n(this.limits.head)} lines are kept, then only the last ${n(this.limits.tail)} (shown when the step ends); the lines in between are counted, not stored`));
      this.lastProgress = now;
    }
    if (this.ring.length < this.limits.tail) this.ring.push(line);
    else {
      this.ring[this.start] = line;
      this.start = (this.start + 1) % this.limits.tail;
      this.dropped++;
      if (now - this.lastProgress >= this.limits.progressMs && this.progressLines < this.limits.maxProgress) {
        this.lastProgress = now;
        this.progressLines++;
        out.push(this.note(`[shipgate] … ${n(this.dropped)} lines not stored so far; the step is still writing`));
      }
    }
    return out;
  }

  /** At the step's end: what was dropped, then the kept tail, in order. */
  drain(): LogEvent[] {
    const tail = [...this.ring.slice(this.start), ...this.ring.slice(0, this.start)];
    const out: LogEvent[] = [];
    if (this.dropped > 0) {
      const from = this.limits.head + 1;
      out.push({ ...this.note(`[shipgate] … ${n(this.dropped)} lines not stored (lines ${n(from)}–${n(from + this.dropped - 1)} of ${n(this.limits.head + this.dropped + tail.length)}); the last ${n(tail.length)} follow`), dropped: this.dropped } as LogEvent);
    }
    this.ring = [];
    this.start = 0;
    this.kept += tail.length;
    return [...out, ...tail];
  }

  private note(line: string): LogEvent {
    return { type: 'step.log', step: this.step, line, stream: 'info' };
  }
}

function cut(event: LogEvent, max: number): LogEvent {
  if (event.line.length <= max) return event;
  return { ...event, line: `${event.line.slice(0, max)} … [${n(event.line.length - max)} more characters not stored]` };
}

/** One release's budgets, per step. */
export class LogBudget {
  private readonly steps = new Map<string, StepBudget>();

  constructor(private readonly limits: LogBudgetLimits = DEFAULT_LOG_LIMITS) {}

  /**
   * The events to store for `event`, in order: a log line passes through its step's budget; any
   * other event first drains the kept tails it closes (its own step's, or every step's when the
   * release changes status or another step starts).
   */
  admit(event: ReleaseEvent, now = Date.now()): ReleaseEvent[] {
    if (event.type === 'step.log') {
      let budget = this.steps.get(event.step);
      if (!budget) this.steps.set(event.step, (budget = new StepBudget(event.step, this.limits)));
      return budget.admit(event, now);
    }
    if (this.steps.size === 0) return [event];
    const drained: ReleaseEvent[] = [];
    for (const [step, budget] of this.steps) {
      const closes = event.type === 'release.status' || event.type === 'step.started' || (event.type === 'step.finished' && event.step === step);
      if (closes) drained.push(...budget.drain());
    }
    return [...drained, event];
  }
}
