// A YAML map read as config: typed access to its keys, and unknown keys refused with a
// "did you mean" for typos and a precise message for keys that belong somewhere else.
import { isMap, isScalar, type Node } from 'yaml';
import { didYouMean } from './did-you-mean.js';
import type { YamlField } from './yaml-field.js';

export interface MisplacedKey {
  message: string;
  hint?: string;
}

interface Entry {
  key: Node;
  value: Node | null;
}

export class YamlMap {
  private readonly entries = new Map<string, Entry>();

  private constructor(readonly field: YamlField) {
    if (field.isAbsent) return;
    if (!field.node || !isMap(field.node)) field.expected('a map of settings');
    for (const pair of field.node.items) {
      const key = pair.key as Node;
      const name = isScalar(key) ? String(key.value) : String(key);
      this.entries.set(name, { key, value: (pair.value as Node | null) ?? null });
    }
  }

  /** Opens the map at field; an absent or empty value is an empty map (all defaults). */
  static open(field: YamlField): YamlMap {
    return new YamlMap(field);
  }

  get(key: string): YamlField {
    const entry = this.entries.get(key);
    return this.field.child(key, entry?.value ?? null, entry?.key ?? null);
  }

  /** Present with a value (an empty `key:` counts as absent). */
  has(key: string): boolean {
    return !this.get(key).isAbsent;
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * Refuses keys outside `allowed`. `misplaced` explains keys that are valid elsewhere
   * (a `command` under the git-branch provider); other unknown keys get a did-you-mean.
   */
  allowOnly(allowed: readonly string[], misplaced?: (key: string) => MisplacedKey | undefined): this {
    for (const [name, entry] of this.entries) {
      if (allowed.includes(name)) continue;
      const at = this.get(name);
      const known = misplaced?.(name);
      if (known) at.fail(known.message, known.hint, entry.key);
      const guess = didYouMean(name, allowed);
      const where = this.field.path ? ` under ${this.field.path}` : '';
      at.fail(
        `unknown key ${JSON.stringify(name)}${guess ? ` (did you mean "${guess}"?)` : ''}`,
        `known keys${where}: ${allowed.filter((key) => key !== '$schema').join(', ')}`,
        entry.key,
      );
    }
    return this;
  }
}
