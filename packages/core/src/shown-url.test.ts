import { describe, expect, it } from 'vitest';
import { shownUrl } from './shown-url.js';

describe('shownUrl', () => {
  it('drops the credentials a URL carries and leaves any other URL as written', () => {
    expect(shownUrl('https://ops:s3cret@prom.example/api')).toBe('https://prom.example/api');
    expect(shownUrl('http://127.0.0.1:9090')).toBe('http://127.0.0.1:9090');
    expect(shownUrl('not a url //me:pw@host/x')).toBe('not a url //host/x');
  });
});
