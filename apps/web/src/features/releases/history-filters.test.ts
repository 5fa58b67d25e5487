import { describe, expect, it } from 'vitest';
import { filtersFromSearch, searchFromFilters } from './history-filters';

describe('history filters in the URL', () => {
  it('round-trips project and status', () => {
    const search = searchFromFilters({ project: 'acme web', status: 'rolled_back' });
    expect(search).toBe('?project=acme+web&status=rolled_back');
    expect(filtersFromSearch(search)).toEqual({ project: 'acme web', status: 'rolled_back' });
  });

  it('drops empty and unknown values', () => {
    expect(searchFromFilters({})).toBe('');
    expect(filtersFromSearch('status=bogus&project=')).toEqual({});
    expect(filtersFromSearch('')).toEqual({});
  });
});
