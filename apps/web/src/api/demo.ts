// The demo sandbox (`shipgate demo` only): whether it is on, and "make the next release faulty".
import { queryOptions } from '@tanstack/react-query';
import { getJson, sendJson } from './http';
import type { DemoDto, DemoFaultKind, FaultyReleaseDto } from './types';

export const fetchDemo = () => getJson<DemoDto>('/api/demo');

export const demoQuery = () => queryOptions({ queryKey: ['demo'], queryFn: fetchDemo, staleTime: Infinity });

export async function makeFaultyRelease(kind: DemoFaultKind): Promise<FaultyReleaseDto> {
  const result = await sendJson<FaultyReleaseDto>('POST', '/api/demo/faulty-release', { kind });
  if (!result) throw new Error('the server answered without a commit');
  return result;
}

/** After monitoring rolled a faulty release back: commit the fix, so the next promote ships a good release. */
export async function fixTheFault(): Promise<{ commit: string }> {
  const result = await sendJson<{ commit: string }>('POST', '/api/demo/fix-fault');
  if (!result) throw new Error('the server answered without a commit');
  return result;
}
