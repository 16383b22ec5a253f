import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './next-path.js';

describe('the path followed after sign-in', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(sameOriginPath('/events/12/registrations')).toBe('/events/12/registrations');
    expect(sameOriginPath('/organisations?q=Verein&page=2#list')).toBe('/organisations?q=Verein&page=2#list');
    expect(sameOriginPath('/')).toBe('/');
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example/x',
    '/%5Cevil.example/x',
    '/%5cevil.example/x',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    'https://evil.example/x',
    'HTTPS://evil.example',
    'javascript:alert(1)',
    ' /dashboard',
    '/\t/evil.example',
    '/\n/evil.example',
    '/dash\u0000board',
    '\\\\evil.example',
    'evil.example',
    '/%E0%A4%A',
    '',
  ])('refuses %j', (next) => {
    expect(sameOriginPath(next)).toBeUndefined();
  });

  it('refuses nothing at all', () => {
    expect(sameOriginPath(undefined)).toBeUndefined();
  });
});
