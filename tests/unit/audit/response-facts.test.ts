import { describe, expect, it } from 'vitest';
import { normaliseProtocol, rgesnHeadersOf } from '../../../src/collect/response-facts';

describe('normaliseProtocol', () => {
  it.each([
    ['h2', 'h2'],
    ['HTTP/2.0', 'h2'],
    ['http/2.0', 'h2'],
    ['HTTP/2', 'h2'],
    ['h3', 'h3'],
    ['h3-29', 'h3'],
    ['HTTP/3', 'h3'],
    ['quic', 'h3'],
    ['http/1.1', 'http/1.1'],
    ['HTTP/1.1', 'http/1.1'],
    [' HTTP/1.0 ', 'http/1.0'],
  ])('%s → %s', (raw, expected) => {
    expect(normaliseProtocol(raw)).toBe(expected);
  });

  it.each(['', 'unknown', 'blob', 'data', 'h2c-ish?', 'http/2.5'])('%j is not a protocol it can name', (raw) => {
    expect(normaliseProtocol(raw)).toBeNull();
  });

  it('ignores what is not a string', () => {
    expect(normaliseProtocol(undefined)).toBeNull();
    expect(normaliseProtocol(2)).toBeNull();
  });
});

describe('rgesnHeadersOf', () => {
  it('reads an object of headers without regard to case, CDP newlines joined', () => {
    expect(rgesnHeadersOf({ 'Content-Encoding': 'gzip', 'CACHE-CONTROL': 'public\nmax-age=60', Expires: 'Thu, 01 Jan 2030 00:00:00 GMT', 'x-other': 'y' })).toEqual({
      contentEncoding: 'gzip',
      cacheControl: 'public, max-age=60',
      expires: 'Thu, 01 Jan 2030 00:00:00 GMT',
    });
  });

  it('reads a HAR header list, repeated headers joined, odd entries skipped', () => {
    expect(
      rgesnHeadersOf([
        { name: 'cache-control', value: 'public' },
        { name: 'Cache-Control', value: 'max-age=60' },
        { name: 'content-encoding', value: 'br' },
        { name: 'expires' },
        { value: 'orphan' },
        null as unknown as { name: string; value: string },
      ]),
    ).toEqual({ contentEncoding: 'br', cacheControl: 'public, max-age=60', expires: null });
  });

  it('bounds each value as the capture schema does', () => {
    expect(rgesnHeadersOf({ 'cache-control': 'x'.repeat(5000) }).cacheControl).toHaveLength(1024);
  });
});
