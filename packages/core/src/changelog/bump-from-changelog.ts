// What the `## [Unreleased]` entries of a Keep a Changelog file release (CONTRACT §3.2).
import { isPlaceholderEntry } from './parse-changelog.js';
import type { Bump, BumpReason } from '../model/plan-types.js';
import { maxBump } from '../version/bump.js';

const SECTION_BUMPS: Record<string, Bump> = {
  added: 'minor',
  changed: 'minor',
  deprecated: 'minor',
  removed: 'major',
  fixed: 'patch',
  security: 'patch',
};
const KNOWN = 'Added, Changed, Deprecated, Removed, Fixed, Security';

interface Entry {
  section: string | null;
  text: string;
}

/** `unreleasedBody` is the text under `## [Unreleased]` (see changelog/unreleasedBody). */
export function bumpFromChangelog(unreleasedBody: string): { bump: Bump | null; reasons: BumpReason[] } {
  let bump: Bump | null = null;
  const reasons = entriesOf(unreleasedBody).map((entry): BumpReason => {
    const reason = reasonFor(entry);
    if (reason.bump !== 'none') bump = maxBump(bump, reason.bump);
    return reason;
  });
  return { bump, reasons };
}

function reasonFor({ section, text }: Entry): BumpReason {
  const where = { ...(section === null ? {} : { changelogSection: section }), entry: text };
  // `BREAKING`, `*Breaking:*`, `[breaking]`: the word in any case (CONTRACT §3.2)
  if (/\bbreaking\b/i.test(text)) return { bump: 'major', ...where, note: 'entry marked breaking → major' };
  if (section === null) {
    return { bump: 'none', ...where, note: `entry without a ### category is kept as written but decides nothing by itself (put it under one of: ${KNOWN})` };
  }
  const bump = SECTION_BUMPS[section.toLowerCase()];
  if (!bump) return { bump: 'none', ...where, note: `unknown section "### ${section}" counts nothing (known: ${KNOWN})` };
  return { bump, ...where, note: `### ${section} → ${bump}` };
}

/**
 * List items (with their indented continuation lines) and loose paragraphs, each under its ###
 * heading. Code blocks are not entries, and a lone placeholder (`- Nothing yet!`) is none.
 */
function entriesOf(body: string): Entry[] {
  const entries: Entry[] = [];
  let section: string | null = null;
  let current: Entry | null = null;
  let fenced = false;
  const text = body.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  for (const line of text.split('\n')) {
    const heading = /^###[ \t]+(.*?)[ \t#]*$/.exec(line);
    if (/^ {0,3}(```|~~~)/.test(line)) {
      fenced = !fenced;
      current = null;
    } else if (fenced) {
      continue;
    } else if (/^####/.test(line)) {
      current = null; // a sub-heading keeps the ### section it sits in
    } else if (heading) {
      section = heading[1] ?? '';
      current = null;
    } else if (line.trim() === '') {
      current = null;
    } else if (/^\s/.test(line) && current) {
      current.text = `${current.text} ${line.trim()}`;
    } else if (current && !/^\s*[-*+]\s/.test(line)) {
      current.text = `${current.text} ${line.trim()}`; // a wrapped paragraph line
    } else {
      current = { section, text: line.trim().replace(/^[-*+]\s+/, '') };
      entries.push(current);
    }
  }
  return entries.length === 1 && isPlaceholderEntry(`- ${entries[0]?.text ?? ''}`) ? [] : entries;
}
