/**
 * How the extension reads the page's JS globals. Its probe content script
 * runs in an isolated world that sees the page's DOM but none of its
 * JavaScript; a second, tiny content script runs in the page's main world
 * (entrypoints/globals.content.ts) and answers one question: which of these
 * names does the page define? They talk through DOM events, which both worlds
 * share, synchronously (dispatchEvent runs the listeners before it returns).
 *
 * The page sees these events too and may answer in our place: a hostile page
 * can only make its own report wrong, which it could do anyway by defining
 * the globals. The nonce pairs an answer with its question, no more; the
 * answer is reduced to names that were asked.
 */
import { findGlobals } from './probe';

const QUESTION = 'empreinte:globals-question';
const ANSWER = 'empreinte:globals-answer';

/** Main world: answers every question with the names the page defines (strings only cross worlds safely). */
export function answerGlobalsQuestions(win: Window, doc: Document): void {
  // Taken now, at document_start, before any page script can replace them
  // to drop our answer or send its own in its place.
  const dispatch = EventTarget.prototype.dispatchEvent;
  const Custom = CustomEvent;
  const stringify = JSON.stringify;
  doc.addEventListener(QUESTION, (event) => {
    const asked = parse((event as CustomEvent<unknown>).detail);
    if (!asked || !Array.isArray(asked.names)) return;
    const names = asked.names.filter((name): name is string => typeof name === 'string');
    const detail = stringify({ nonce: asked.nonce, found: findGlobals(win, names) });
    dispatch.call(doc, new Custom(ANSWER, { detail }));
  });
}

/** Isolated world: the names among `names` that the page defines; null when nothing answered. */
export function askPageGlobals(doc: Document, names: readonly string[]): string[] | null {
  const nonce = String(Math.random()).slice(2);
  let found: string[] | null = null;
  const listen = (event: Event): void => {
    // The main-world script answers first (it listens from document_start,
    // before any page script): a later answer with the nonce, read by the
    // page from the question, is the page's and is ignored.
    if (found !== null) return;
    const answer = parse((event as CustomEvent<unknown>).detail);
    if (answer?.nonce === nonce && Array.isArray(answer.found)) found = names.filter((n) => answer.found?.includes(n));
  };
  doc.addEventListener(ANSWER, listen);
  doc.dispatchEvent(new CustomEvent(QUESTION, { detail: JSON.stringify({ nonce, names }) }));
  doc.removeEventListener(ANSWER, listen);
  return found;
}

function parse(detail: unknown): { nonce?: unknown; names?: unknown[]; found?: unknown[] } | null {
  if (typeof detail !== 'string') return null;
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === 'object' ? value : null;
  } catch {
    return null;
  }
}
