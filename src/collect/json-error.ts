/**
 * Where a JSON text stops being valid, for an error message a person can act
 * on. V8's JSON.parse errors give a position for some mistakes but only an
 * excerpt for others, and an excerpt of a HAR (repetitive text) cannot be
 * found back reliably. This scanner runs only after JSON.parse has failed.
 *
 * Returns the offset of the first offending character, `text.length` when the
 * text ends in the middle of a value (a truncated file), or null when it
 * finds no error (it then disagrees with JSON.parse; the caller says less).
 */
export function locateJsonError(text: string): number | null {
  const literal = /true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const stack: ('{' | '[')[] = [];
  type State = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'next';
  let state: State = 'value';
  let i = 0;
  for (;;) {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= text.length) return state === 'next' && stack.length === 0 ? null : text.length;
    const char = text[i];
    if (state === 'next') {
      const top = stack[stack.length - 1];
      if (top === undefined) return i; // content after the top-level value
      if (char === ',') {
        state = top === '{' ? 'key' : 'value';
        i++;
      } else if (char === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else return i;
      continue;
    }
    if (state === 'colon') {
      if (char !== ':') return i;
      state = 'value';
      i++;
      continue;
    }
    if (state === 'keyOrEnd' && char === '}') {
      stack.pop();
      state = 'next';
      i++;
      continue;
    }
    if (state === 'valueOrEnd' && char === ']') {
      stack.pop();
      state = 'next';
      i++;
      continue;
    }
    if (state === 'key' || state === 'keyOrEnd') {
      if (char !== '"') return i;
      const end = stringEnd(text, i);
      if (end < 0) return -end - 1;
      state = 'colon';
      i = end;
      continue;
    }
    // A value.
    if (char === '{' || char === '[') {
      stack.push(char);
      state = char === '{' ? 'keyOrEnd' : 'valueOrEnd';
      i++;
    } else if (char === '"') {
      const end = stringEnd(text, i);
      if (end < 0) return -end - 1;
      state = 'next';
      i = end;
    } else {
      literal.lastIndex = i;
      const match = literal.exec(text);
      if (!match) return i;
      state = 'next';
      i += match[0].length;
    }
  }
}

/** The offset after the string starting at `start`, or -(offset of the error) - 1. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code < 0x20) return -i - 1;
    if (code === 0x5c) {
      const next = text[i + 1];
      if (next === undefined) return -text.length - 1;
      if (next === 'u') {
        const hex = text.slice(i + 2, i + 6);
        if (!/^[0-9a-fA-F]{0,4}$/.test(hex)) return -(i + 2) - 1;
        if (hex.length < 4) return -text.length - 1;
        i += 5;
      } else if ('"\\/bfnrt'.includes(next)) i++;
      else return -(i + 1) - 1;
    }
  }
  return -text.length - 1;
}
