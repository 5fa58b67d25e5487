import { describe, expect, it } from 'vitest';
import { didYouMean, levenshtein } from './did-you-mean.js';
import { parseDuration } from './parse-duration.js';

describe('parseDuration', () => {
  it('reads seconds, minutes, hours and milliseconds', () => {
    expect(parseDuration('90s')).toBe(90);
    expect(parseDuration('15m')).toBe(900);
    expect(parseDuration('1h')).toBe(3600);
    expect(parseDuration('500ms')).toBe(0.5);
    expect(parseDuration('1m30s')).toBe(90);
    expect(parseDuration(' 2.5s ')).toBe(2.5);
    expect(parseDuration('45')).toBe(45);
  });

  it('says null for anything else', () => {
    for (const text of ['', 'fast', '15 minutes', '-5s', 's', '1d', '10m-']) expect(parseDuration(text)).toBeNull();
  });
});

describe('didYouMean', () => {
  it('finds the key a typo meant, ignoring case', () => {
    expect(didYouMean('helth', ['project', 'health', 'deploy'])).toBe('health');
    expect(didYouMean('mainbranch', ['remote', 'mainBranch'])).toBe('mainBranch');
    expect(didYouMean('expectedStatus', ['expectStatus', 'url'])).toBe('expectStatus');
  });

  it('suggests nothing for unrelated words', () => {
    expect(didYouMean('vercell', ['git-branch', 'command', 'github-actions'])).toBeUndefined();
    expect(didYouMean('x', ['url'])).toBeUndefined();
  });

  it('counts edits', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('', 'abc')).toBe(3);
  });
});
