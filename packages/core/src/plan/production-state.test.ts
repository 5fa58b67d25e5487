import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/index.js';
import { productionState } from './production-state.js';

const gitBranch = parseConfig(null, { file: '.shipgate.yaml', defaultProject: 'acme' });

describe('productionState', () => {
  it('names the release tag the production branch points at', () => {
    const refs = new Map([
      ['refs/heads/production', 'c2'],
      ['refs/tags/v2.6.0', 't1'],
      ['refs/tags/v2.6.0^{}', 'c1'],
      ['refs/tags/v2.7.0', 't2'],
      ['refs/tags/v2.7.0^{}', 'c2'],
    ]);
    expect(productionState(refs, gitBranch)).toEqual({ commit: 'c2', tag: 'v2.7.0', version: '2.7.0' });
  });

  it('knows the commit but no version when production runs an untagged commit', () => {
    expect(productionState(new Map([['refs/heads/production', 'c9']]), gitBranch)).toEqual({ commit: 'c9', tag: null, version: null });
  });

  it('cannot tell for a provider that does not deploy through git, or without the remote', () => {
    const command = parseConfig('deploy:\n  provider: command\n  command: ./deploy.sh\n', { file: '.shipgate.yaml', defaultProject: 'acme' });
    expect(productionState(new Map([['refs/heads/production', 'c2']]), command)).toBeNull();
    expect(productionState(null, gitBranch)).toBeNull();
  });
});
