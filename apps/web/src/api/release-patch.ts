// Folds live events into a release object, so the timeline moves before any refetch.
import { LIFECYCLE } from '@shipgate/contract';
import type { ReleaseDto, SeqEvent, StepDto } from './types';

const FACTS = ['version', 'previousVersion', 'tag', 'commit'] as const;

export function applyToRelease(release: ReleaseDto, events: readonly SeqEvent[]): ReleaseDto {
  let next = release;
  const step = (name: string, patch: Partial<StepDto>) => {
    const steps = next.steps.some((s) => s.name === name)
      ? next.steps.map((s) => (s.name === name ? { ...s, ...patch } : s))
      : [...next.steps, { name, status: 'pending' as const, startedAt: null, finishedAt: null, detail: null, ...patch }];
    next = { ...next, steps };
  };
  for (const { at, event } of events) {
    switch (event.type) {
      case 'release.status':
        // keep only the actions the new status still allows; the refetch that follows adds the rest
        next = { ...next, status: event.status, actions: next.actions.filter((a) => (LIFECYCLE[event.status].actions as readonly string[]).includes(a)) };
        break;
      case 'release.fact':
        if ((FACTS as readonly string[]).includes(event.key)) next = { ...next, [event.key]: event.value };
        break;
      case 'step.started':
        step(event.step, { status: 'running', startedAt: at, finishedAt: null });
        next = { ...next, currentStep: event.step };
        break;
      case 'step.finished':
        step(event.step, { status: event.status, finishedAt: at, detail: event.detail });
        break;
      default:
        break;
    }
  }
  return next;
}
