import { describe, expect, it } from 'vitest';
import { nativeBrowser } from '../../../src/extension/native-browser';

describe('the content scripts’ native browser API', () => {
  it('uses Firefox’s promise-based `browser` when it is an extension context', () => {
    const firefox = { runtime: { id: 'empreinte@empreinte.eu' } };
    const chrome = { runtime: { id: 'x' } };
    expect(nativeBrowser({ browser: firefox, chrome })).toBe(firefox);
  });
  it('falls back to Chrome’s `chrome` (MV3: promise-based) otherwise', () => {
    const chrome = { runtime: { id: 'abcdef' } };
    expect(nativeBrowser({ chrome })).toBe(chrome);
    // a page may define its own `browser` global: without a runtime id it is not the extension's
    expect(nativeBrowser({ browser: { runtime: {} }, chrome })).toBe(chrome);
  });
});
