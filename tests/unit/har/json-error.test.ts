import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateJsonError } from '../../../src/collect/json-error';
import { harDir, realHarFiles } from './har-fixtures';

describe('locateJsonError', () => {
  it('finds no error in valid JSON, the real HAR files included', () => {
    for (const text of ['{}', '[]', ' 0 ', '"a\\u00e9\\n\\"b"', '{"a": [1, -2.5e3, true, false, null, {"b": {}}]}']) {
      expect(locateJsonError(text)).toBeNull();
    }
    for (const file of realHarFiles) expect(locateJsonError(readFileSync(join(harDir, file), 'utf8'))).toBeNull();
  });

  it('points at the offending character', () => {
    const cases: [string, number][] = [
      ['{"a": 1,}', 8],
      ['{"a" 1}', 5],
      ['{a: 1}', 1],
      ['[1 2]', 3],
      ['{"a": nope}', 6],
      ['{"a": 01}', 7],
      ['"bad \\x escape"', 6],
      ['"tab\tinside"', 4],
      ['{} {}', 3],
      ['{"a": [1}', 8],
    ];
    for (const [text, offset] of cases) expect([text, locateJsonError(text)]).toEqual([text, offset]);
  });

  it('says a text cut in the middle ends too early (offset = length)', () => {
    for (const text of ['{"a": [1, 2', '{"a": "unterminated', '{"a":', '["\\u12', '[']) {
      expect(locateJsonError(text)).toBe(text.length);
    }
  });
});
