import { describe, expect, it } from 'vitest';
import { answerGlobalsQuestions, askPageGlobals } from '../../../src/collect/globals-bridge';

/** Two worlds share the DOM's events, nothing else: an EventTarget stands for the document. */
function page(globals: Record<string, unknown>) {
  const doc = new EventTarget() as unknown as Document;
  const win = { ...globals, Element: class {}, HTMLCollection: class {} } as unknown as Window;
  return { doc, win };
}

describe('globals bridge (isolated world ↔ main world)', () => {
  it('answers synchronously with the names the page defines, dotted paths included', () => {
    const { doc, win } = page({ Intercom: () => undefined, google: { translate: { TranslateElement: {} } }, zero: 0 });
    answerGlobalsQuestions(win, doc);
    expect(askPageGlobals(doc, ['Intercom', 'google.translate.TranslateElement', 'Weglot', 'zero', 'google.maps'])).toEqual([
      'Intercom',
      'google.translate.TranslateElement',
      'zero',
    ]);
  });

  it('says nothing answered when the main-world script is absent', () => {
    expect(askPageGlobals(page({}).doc, ['Intercom'])).toBeNull();
  });

  it('keeps only asked names from an answer, and ignores answers to another question', () => {
    const { doc } = page({});
    doc.addEventListener('empreinte:globals-question', (event) => {
      const { nonce } = JSON.parse(String((event as CustomEvent).detail)) as { nonce: string };
      const forged = (n: string, found: string[]) =>
        doc.dispatchEvent(new CustomEvent('empreinte:globals-answer', { detail: JSON.stringify({ nonce: n, found }) }));
      forged('other', ['Intercom']);
      forged(nonce, ['Intercom', 'Injected']);
    });
    expect(askPageGlobals(doc, ['Intercom', 'Weglot'])).toEqual(['Intercom']);
  });
});
