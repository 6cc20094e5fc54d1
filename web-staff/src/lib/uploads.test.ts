import { afterEach, describe, expect, it, vi } from 'vitest';
import { fileKind, uploadUrl } from './uploads';

describe('uploaded files on the staff pages', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('open beside /graphql, the id kept as one path segment', () => {
    expect(uploadUrl('0b6f5a2e-1c1d-4c5e-9f4a-2d7e8b9c0a1f', '')).toBe('/uploads/0b6f5a2e-1c1d-4c5e-9f4a-2d7e8b9c0a1f');
    expect(uploadUrl('../x?y', '')).toBe('/uploads/..%2Fx%3Fy');
  });

  it('open beside /graphql also when this app is hosted apart from the api', () => {
    vi.stubGlobal('window', { location: { href: 'https://verwaltung.example.de/staff/arbeitsplatz/nord' } });
    expect(uploadUrl('abc', 'https://api.example.de/graphql')).toBe('https://api.example.de/uploads/abc');
    expect(uploadUrl('abc', '/api/graphql')).toBe('https://verwaltung.example.de/api/uploads/abc');
  });

  it('are named by the kinds staff know, other types as they are', () => {
    expect(fileKind('application/pdf')).toBe('PDF');
    expect(fileKind('image/jpeg')).toBe('JPEG');
    expect(fileKind('image/png')).toBe('PNG');
    expect(fileKind('image/gif')).toBe('image/gif');
  });
});
