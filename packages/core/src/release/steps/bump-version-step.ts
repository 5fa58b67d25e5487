import { join } from 'node:path';
import { createChangelog, hasReleaseSection, parseChangelog, releaseChangelog } from '../../changelog/index.js';
import { commitWithMessage } from '../../git/commit-with-message.js';
import { gitCommands } from '../../git/git-commands.js';
import { writeVersion } from '../../version/index.js';
import type { ReleaseRun } from '../release-run.js';

/**
 * Version files + CHANGELOG rewritten, then one `chore(release): vX.Y.Z` commit. Idempotent:
 * when an earlier run started this step, HEAD is read first (it may have committed already).
 */
export async function bumpVersionStep(run: ReleaseRun): Promise<void> {
  const resumed = run.startedBefore('bump-version');
  await run.step('bump-version', `Bump version to ${run.version}`, async () => {
    const { repo, journal, config, ctx } = run;
    // asked now, while the files are written: the commit below needs the answer
    void repo.hasIdentity().catch(() => false);
    const subject = `chore(release): ${run.tag}`;
    const head = resumed || journal.commit ? await repo.head() : null;
    if (journal.commit && head && (head === journal.commit || (await repo.isAncestor(journal.commit, head)))) {
      return { status: 'skipped', detail: `already committed as ${journal.commit.slice(0, 7)}` };
    }
    if (head && head !== journal.head && (await repo.subject(head)) === subject) {
      journal.commit = head;
      await run.saveJournal();
      run.fact('commit', head);
      return { status: 'skipped', detail: `already committed as ${head.slice(0, 7)}` };
    }
    const changed: string[] = [];
    for (const file of config.version.files) {
      const path = join(repo.dir, file);
      const before = await ctx.fs.readFile(path);
      const after = writeVersion(file, before, run.version);
      if (after !== before) {
        await ctx.fs.writeFile(path, after);
        changed.push(file);
      }
      run.log('bump-version', `${file}: ${run.plan.currentVersion ?? '?'} → ${run.version}`);
    }
    const changelogPath = join(repo.dir, config.changelog);
    const exists = await ctx.fs.exists(changelogPath);
    const text = exists ? await ctx.fs.readFile(changelogPath) : createChangelog(config.project);
    if (!hasReleaseSection(parseChangelog(text, config.changelog), run.version)) {
      const released = releaseChangelog(text, {
        file: config.changelog,
        version: run.version,
        previousVersion: run.plan.currentVersion,
        date: localDate(ctx.clock.now()),
        tagPrefix: config.version.tagPrefix,
        generatedBody: run.plan.changelog,
      });
      await ctx.fs.writeFile(changelogPath, released.text);
      journal.changelogBody = released.body;
      changed.push(config.changelog);
      run.log('bump-version', `${config.changelog}: Unreleased → ## [${run.version}]`);
    }
    await repo.git.run(gitCommands.add([...config.version.files, config.changelog]));
    const result = await commitWithMessage(ctx, repo, subject);
    if (result.code !== 0) throw new Error(`git commit failed: ${(result.stderr || result.stdout).trim()}`);
    const commit = (await repo.head())!;
    journal.commit = commit;
    await run.saveJournal();
    run.fact('commit', commit);
    return { detail: `${subject} (${commit.slice(0, 7)}): ${changed.join(', ')}` };
  });
}

/** The machine's local date, YYYY-MM-DD (CONTRACT §3.3). */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
