import { defineBackground } from '#imports';
import { startObserving } from '../src/extension/observer';

// Thin wiring: everything lives in src/extension (tested with fakeBrowser).
export default defineBackground(() => {
  startObserving();
});
