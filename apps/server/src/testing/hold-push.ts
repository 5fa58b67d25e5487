// Holds the remote mid-push: a `post-receive` hook on a bare origin that, once, when `ref` is
// updated to a commit whose subject matches `subject`, writes its pid to a marker and sleeps.
// The ref is already updated at that point, but the pusher has not heard back: killing the
// pusher then is a crash "during the push" whose result only the remote knows.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface HeldPush {
  /** Resolves when the hook holds the push (the ref is updated on the remote). */
  held: () => Promise<void>;
  /** Ends the sleeping hook, so the orphaned push finishes at once. */
  release: () => void;
}

export function holdPush(origin: string, ref: string, subject: RegExp, hooksDir = join(origin, 'hooks')): HeldPush {
  const marker = join(origin, `held-${Math.random().toString(36).slice(2)}`);
  mkdirSync(hooksDir, { recursive: true });
  const hook = join(hooksDir, 'post-receive');
  writeFileSync(
    hook,
    [
      '#!/bin/sh',
      'while read old new ref; do',
      `  if [ "$ref" = "${ref}" ] && [ ! -e "${marker}.done" ] && git log -1 --format=%s "$new" | grep -Eq '${subject.source.replaceAll("'", '')}'; then`,
      `    touch "${marker}.done"`,
      `    echo $$ > "${marker}"`,
      '    exec sleep 120 </dev/null >/dev/null 2>&1',
      '  fi',
      'done',
      '',
    ].join('\n'),
  );
  chmodSync(hook, 0o755);
  return {
    async held() {
      for (let i = 0; i < 600; i++) {
        if (existsSync(marker) && readFileSync(marker, 'utf8').trim()) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`the push of ${ref} was never held`);
    },
    release() {
      const pid = Number(readFileSync(marker, 'utf8').trim());
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}
