// Holds the remote mid-push: a `post-receive` hook on a bare origin that, once, when `ref` is
// updated to a commit whose subject matches `subject`, writes a marker and waits for release().
// The ref is already updated at that point, but the pusher has not heard back: killing the
// pusher then is a crash "during the push" whose result only the remote knows. With
// hook: 'pre-receive' it holds before any ref moves (to let another push win a race).
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HeldPush {
  /** Resolves when the hook holds the push (the ref is updated on the remote). */
  held: () => Promise<void>;
  /** Lets the waiting hook end (exit 0), so the held push finishes at once. */
  release: () => void;
}

export function holdPush(origin: string, ref: string, subject: RegExp, hook: 'post-receive' | 'pre-receive' = 'post-receive'): HeldPush {
  const hooksDir = join(origin, 'hooks');
  const marker = join(origin, `held-${Math.random().toString(36).slice(2)}`);
  mkdirSync(hooksDir, { recursive: true });
  const file = join(hooksDir, hook);
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      'while read old new ref; do',
      `  if [ "$ref" = "${ref}" ] && [ ! -e "${marker}.done" ] && git log -1 --format=%s "$new" | grep -Eq '${subject.source.replaceAll("'", '')}'; then`,
      `    touch "${marker}.done"`,
      `    echo $$ > "${marker}"`,
      `    i=0; while [ ! -e "${marker}.go" ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done`,
      '  fi',
      'done',
      'exit 0',
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return {
    async held() {
      for (let i = 0; i < 1800; i++) {
        if (existsSync(marker) && readFileSync(marker, 'utf8').trim()) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the push of ${ref} was never held`);
    },
    release() {
      writeFileSync(`${marker}.go`, '');
    },
  };
}
