/**
 * Limits shared by the content script and the background for Resource Timing
 * batches. A module of its own, without zod, so that the content script that
 * imports it stays small.
 */

/** Entries in one message from the content script. */
export const MAX_TIMINGS_PER_MESSAGE = 500;
/** Entries kept per page view: beyond, the rest keeps its Content-Length or estimate. */
export const MAX_TIMINGS_PER_TAB = 2000;
