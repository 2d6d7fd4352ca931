/**
 * Applies webNavigation events to a tab's recorded state: a commit starts a
 * page view, a history change may start a soft one, a completion ends the
 * load. Also decides which top-frame requests belong to a document whose
 * commit has not reached us yet. Pure, like ./recorder.ts, which re-exports it.
 */
import type { RecordedTab } from '../collect/webrequest';
import type { NavigationEvent, RequestEvent } from './recorder';

/** The hold key of requests made by a top-level document whose commit has not reached us. */
const PENDING_PREFIX = 'pending:';

/**
 * The document a top-frame request is held for until its commit, or null when
 * it belongs to the page view shown. Held: the requests of a document whose
 * commit has not reached us yet (Chrome says which, `documentId`; in a new tab,
 * before any commit, too), and those the browser credits to the wrong document
 * (below). The previous document's late requests are held for a commit that
 * never comes, and go at the next one.
 */
export function holdKey(tab: RecordedTab, event: RequestEvent): string | null {
  if (event.frameId !== 0) return null;
  const pending = pendingTarget(tab, event);
  if (pending !== null) return pending;
  const knowsDocuments = tab.url === null || tab.documentId !== null;
  if (!knowsDocuments || !event.documentId || event.documentId === tab.documentId) return null;
  return madeByShownDocument(tab, event) ? null : event.documentId;
}

/**
 * Whether a top-frame request was made by the document that is about to
 * commit, though the browser credits it to the one still committed. Chrome
 * gives a document's first requests the id of the document it replaces when
 * both live in one frame host (a new tab's initial about:blank, above all) and
 * the browser has not yet processed the commit, which under load it may not
 * have: CI lost a deferred script so. Held when the request says it comes from
 * the coming document and not from the page shown: by the URL of its document
 * (Firefox) or by its origin (Chrome). Within one origin (one URL in Firefox:
 * a reload) the two cannot be told apart, and it stays with the page shown.
 * Returns the key to hold it under, or null.
 */
function pendingTarget(tab: RecordedTab, event: RequestEvent): string | null {
  const document = tab.pendingDocument[tab.pendingDocument.length - 1];
  if (!document) return null;
  // Said to come from another document than the committed one: the documentId hold sees to it.
  if (event.documentId && tab.documentId !== null && event.documentId !== tab.documentId) return null;
  const key = PENDING_PREFIX + document.id;
  if (event.documentUrl !== undefined) {
    const from = withoutHash(event.documentUrl);
    return from === withoutHash(document.url) && (tab.url === null || from !== withoutHash(tab.url)) ? key : null;
  }
  const coming = originOf(document.url);
  return event.initiator !== undefined && coming !== null && event.initiator === coming && originOf(tab.url) !== coming ? key : null;
}

/**
 * Whether a top-frame request credited to the document the last commit
 * replaced is in fact the committed document's: the same misattribution as
 * above, delivered after the commit (CI lost a deferred script so too). Told by
 * origin: made from the page shown's origin, which the replaced document did
 * not have (about:blank's is "null"); within one origin it stays unattributed.
 */
function madeByShownDocument(tab: RecordedTab, event: RequestEvent): boolean {
  const previous = tab.previousDocument;
  if (previous === null || event.documentId !== previous.documentId) return false;
  const shown = originOf(tab.url);
  return event.initiator !== undefined && shown !== null && event.initiator === shown && previous.origin !== shown;
}

function originOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * A top-level commit starts a new page view: the previous view's requests go,
 * the main document that led to this commit stays (it was requested before
 * the commit, so it sits in `pendingDocument`).
 */
export function onCommitted(tab: RecordedTab, event: NavigationEvent, now: Date): void {
  if (event.frameId !== 0) return;
  // The chain must end at the committed URL; otherwise it was a navigation
  // that did not commit (a download, a 204) and this commit has no request
  // (a back/forward cache restore).
  const last = tab.pendingDocument[tab.pendingDocument.length - 1];
  const documents = last && withoutHash(last.url) === withoutHash(event.url) ? tab.pendingDocument : [];
  // A document that no request led to and that is no web page: a new tab's
  // about:blank, whose events Chrome may deliver after those of the page that
  // replaces it (seen under load). It leaves alone what is held for that page:
  // its document request, its cookies and its first requests.
  const webPage = /^https?:/i.test(event.url);
  const keepHeld = documents.length === 0 && !webPage;
  const documentId = event.documentId ?? null;
  if (tab.documentId !== null && tab.documentId !== documentId) {
    tab.previousDocument = { documentId: tab.documentId, origin: originOf(tab.url) ?? 'null' };
  }
  tab.url = event.url.slice(0, 65536);
  tab.documentId = documentId;
  tab.navigationStart = documents[0]?.timeStamp ?? event.timeStamp;
  tab.committedAt = now.toISOString();
  tab.complete = false;
  tab.softNavigation = false;
  // No request led to this document: the back/forward cache gave it back.
  tab.restored = documents.length === 0 && webPage;
  const pendingKey = last && documents.length > 0 ? PENDING_PREFIX + last.id : null;
  const joins = (entry: { documentId: string }) => entry.documentId === event.documentId || entry.documentId === pendingKey;
  tab.requests = [...documents, ...tab.earlyRequests.filter(joins).map((entry) => entry.request)];
  tab.earlyRequests = keepHeld ? tab.earlyRequests.filter((entry) => !joins(entry)) : [];
  if (!keepHeld) tab.pendingDocument = [];
  tab.droppedRequests = { count: 0, bytes: 0 };
  tab.droppedInFlight = [];
  tab.frames = {};
  tab.firstInteractionAt = null;
  tab.cookies = documents.length > 0 ? tab.pendingCookies : [];
  if (!keepHeld) tab.pendingCookies = [];
  tab.timings = [];
}

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash >= 0 ? url.slice(0, hash) : url;
}

/**
 * `history.pushState` (or `replaceState`) in the top frame: a single-page app
 * shows another view without loading a document. Once the document has
 * loaded, a change of path or query starts a new page view, said to be a soft
 * navigation: what the page loads from now on is that view's. The document,
 * its frames' probe results and the first interaction stay (same document;
 * the popup probes it again when it opens). During the load, or for a change
 * of fragment only, the view goes on and only its URL follows.
 */
export function onHistoryStateUpdated(tab: RecordedTab, event: NavigationEvent, now: Date): boolean {
  if (event.frameId !== 0 || tab.url === null) return false;
  const url = event.url.slice(0, 65536);
  if (withoutHash(url) === withoutHash(tab.url)) return false;
  // A router rewriting the URL while the page still loads is not a new view.
  if (!tab.complete) {
    tab.url = url;
    return true;
  }
  tab.url = url;
  tab.navigationStart = event.timeStamp;
  tab.committedAt = now.toISOString();
  tab.softNavigation = true;
  tab.restored = false;
  // nothing to wait for: no document loads (webNavigation.onCompleted will not fire)
  tab.complete = true;
  // The view's first fetch may reach us before the history event does: what
  // started at or after the change is the new view's (one clock: webRequest's).
  const since = event.timeStamp;
  tab.requests = tab.requests.filter((request) => request.timeStamp >= since);
  tab.droppedRequests = { count: 0, bytes: 0 };
  tab.droppedInFlight = [];
  tab.cookies = tab.cookies.filter((cookie) => cookie.at >= since);
  tab.timings = tab.timings.filter((entry) => entry.startTime >= since - 1000);
  return true;
}

export function onNavigationCompleted(tab: RecordedTab, event: NavigationEvent): void {
  if (event.frameId !== 0) return;
  tab.complete = true;
}
