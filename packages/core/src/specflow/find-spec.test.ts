import { describe, expect, it } from 'vitest';
import { ShipgateError } from '../errors.js';
import { MemoryFileSystem } from '../testing/fake-context.js';
import { findSpec } from './find-spec.js';

const repo = (dirs: string[]) => new MemoryFileSystem(Object.fromEntries(dirs.map((dir) => [`/app/${dir}/state.yaml`, 'x: 1\n'])));

describe('findSpec', () => {
  it('picks the newest feature by number, comparing numbers as numbers', () => {
    const fs = repo(['specs/9-legacy', 'specs/010-search', 'specs/002-cart']);
    return expect(findSpec(fs, '/app', 'specs')).resolves.toEqual({ slug: '010-search', dir: 'specs/010-search' });
  });

  it('ignores files and directories that are not NNN-slug features', async () => {
    const fs = new MemoryFileSystem({ '/app/specs/README.md': '#', '/app/specs/templates/state.yaml': '', '/app/specs/003-notes.md': '', '/app/specs/001-a/state.yaml': '' });
    expect(await findSpec(fs, '/app', 'specs/')).toEqual({ slug: '001-a', dir: 'specs/001-a' });
  });

  it('says null without a specs directory or features', async () => {
    expect(await findSpec(new MemoryFileSystem({ '/app/package.json': '{}' }), '/app', 'specs')).toBeNull();
    expect(await findSpec(new MemoryFileSystem({ '/app/specs/README.md': '' }), '/app', 'specs')).toBeNull();
  });

  it('finds a named feature by full slug, number or name', async () => {
    const fs = repo(['specs/042-billing-dashboard', 'specs/043-exports']);
    const billing = { slug: '042-billing-dashboard', dir: 'specs/042-billing-dashboard' };
    expect(await findSpec(fs, '/app', 'specs', '042-billing-dashboard')).toEqual(billing);
    expect(await findSpec(fs, '/app', 'specs', '042')).toEqual(billing);
    expect(await findSpec(fs, '/app', 'specs', '42')).toEqual(billing);
    expect(await findSpec(fs, '/app', 'specs', 'billing-dashboard')).toEqual(billing);
    expect(await findSpec(fs, '/app', 'specs', 'specs/042-billing-dashboard/')).toEqual(billing);
  });

  it('refuses a named feature that does not exist, listing the ones that do', async () => {
    const fs = repo(['specs/042-billing-dashboard', 'specs/043-exports']);
    const error = await findSpec(fs, '/app', 'specs', '044').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ShipgateError);
    expect((error as ShipgateError).code).toBe('USAGE');
    expect((error as ShipgateError).format()).toBe('--spec: no Spec-Flow feature "044" in specs/\n  → pick one of: 043-exports, 042-billing-dashboard');
    await expect(findSpec(new MemoryFileSystem(), '/app', 'specs', '001')).rejects.toThrow(ShipgateError);
  });
});
