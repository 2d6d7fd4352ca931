import { defineContentScript } from '#imports';
import { answerGlobalsQuestions } from '../src/collect/globals-bridge';

/**
 * Runs in the page's main world, where the page's own globals (`Intercom`,
 * `__tcfapi` …) are visible, and tells the probe content script which of the
 * names it asks about exist (src/collect/globals-bridge.ts). No extension API
 * here, no catalog: the names come with each question.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  world: 'MAIN',
  runAt: 'document_start',
  allFrames: false,
  main() {
    answerGlobalsQuestions(window, document);
  },
});
