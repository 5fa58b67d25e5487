// Repeated looks at accumulating data inflate the false-alarm rate (28 looks at a fixed 95%
// level fail a healthy release 2–3× as often as one look). The watch knows its number of looks
// in advance (window − warm-up, every interval), so each look's interval is built at the
// Bonferroni level α/K: the chance that any of the K looks wrongly fails is then at most α
// whatever the dependence between looks — which matters here, because the judged stretch
// drops its oldest part as a transient ages out, so the looks are not the nested,
// independent-increment samples that confidence sequences and group-sequential boundaries assume.
import { normalQuantile } from './normal-quantile.js';

/** Two-sided 95%: at most 2.5% of healthy releases are failed by one test over the whole watch. */
const ALPHA = 0.05;

export interface LookLevel {
  /** Planned looks over the whole watch (1: a single look). */
  looks: number;
  /** The normal quantile every interval of one look is built with. */
  z: number;
  /** Seconds of judged traffic a per-interval FAIL needs (compare-slices.ts). */
  minFailSeconds: number;
}

/** 3 minutes: a burst of a minute or two is then a minority of the judged intervals. */
export const MIN_FAIL_SECONDS = 180;

export function lookLevel(looks = 1, minFailSeconds = MIN_FAIL_SECONDS): LookLevel {
  const k = Math.max(1, Math.round(looks));
  return { looks: k, z: normalQuantile(1 - ALPHA / 2 / k), minFailSeconds };
}

/** "95% CI", or "95% CI over 28 looks" when the level is shared out between looks. */
export function ciLabel(level: LookLevel): string {
  return level.looks === 1 ? '95% CI' : `95% CI over ${level.looks} looks`;
}

/** The number of looks a watch makes: one every interval from the end of the warm-up to the end of the window. */
export function plannedLooks(windowSeconds: number, warmupSeconds: number, intervalSeconds: number): number {
  return Math.max(1, Math.ceil((windowSeconds - warmupSeconds) / intervalSeconds));
}

/**
 * How often production is read: the evaluation interval cut into parts of at most 10 s, so the
 * judge compares many short intervals (a burst covers a smaller share of them, and the rank
 * comparison needs the count) while evaluating only every interval.
 */
export function sliceSecondsFor(intervalSeconds: number): number {
  return intervalSeconds / Math.max(1, Math.ceil(intervalSeconds / 10 - 1e-9));
}
