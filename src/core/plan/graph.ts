import type { CapturedRequest } from '../capture';

/**
 * What else goes when some requests go: the requests they caused, transitively
 * (docs/scoring.md, "Action plan"). A request B is caused by a removed request A when
 * - B's initiator URL is A's URL (a script's requests, a stylesheet's fonts, a
 *   frame document's subresources, a hop whose initiator names the previous hop);
 * - A is a frame's document (it has a frame id) and B was made by that frame;
 * - A was answered with a redirect (3xx) and B is its next hop. Captures do not
 *   keep the Location header, so the hop is recognised as the first later
 *   request with the same initiator, frame and resource type — the way CDP and
 *   Chrome's HAR export record a redirect chain (the hop inherits the initiator);
 *   not guessed when the capture names the hop (an initiator of type `redirect`).
 * The page's own top document is never removed.
 */
export function removalClosure(requests: readonly CapturedRequest[], seeds: Iterable<number>): Set<number> {
  const byInitiatorUrl = new Map<string, number[]>();
  const byFrame = new Map<string, number[]>();
  requests.forEach((request, index) => {
    const parent = request.initiator?.url;
    if (parent) push(byInitiatorUrl, parent, index);
    if (request.frameId !== null) push(byFrame, request.frameId, index);
  });

  const removed = new Set<number>();
  const queue: number[] = [];
  const take = (index: number) => {
    const request = requests[index];
    if (request === undefined || removed.has(index) || isTopDocument(request)) return;
    removed.add(index);
    queue.push(index);
  };
  for (const seed of seeds) take(seed);
  const framesDone = new Set<string>();
  const urlsDone = new Set<string>();
  while (queue.length > 0) {
    const index = queue.pop()!;
    const request = requests[index]!;
    if (!urlsDone.has(request.url)) {
      urlsDone.add(request.url);
      for (const child of byInitiatorUrl.get(request.url) ?? []) take(child);
    }
    if (request.type === 'document' && request.frameId !== null && !framesDone.has(request.frameId)) {
      framesDone.add(request.frameId);
      for (const child of byFrame.get(request.frameId) ?? []) take(child);
    }
    const namedHop = (byInitiatorUrl.get(request.url) ?? []).some((child) => requests[child]!.initiator?.type === 'redirect');
    if (!namedHop && request.status !== null && request.status >= 300 && request.status < 400) {
      const hop = nextHop(requests, index);
      if (hop !== null) take(hop);
    }
  }
  return removed;
}

function isTopDocument(request: CapturedRequest): boolean {
  return request.type === 'document' && request.frameId === null;
}

function nextHop(requests: readonly CapturedRequest[], index: number): number | null {
  const from = requests[index]!;
  // Without an initiator there is nothing to tie the hop to its request.
  if (from.initiator === null) return null;
  for (let next = index + 1; next < requests.length; next++) {
    const candidate = requests[next]!;
    if (
      candidate.type === from.type &&
      candidate.frameId === from.frameId &&
      candidate.initiator?.type === from.initiator?.type &&
      candidate.initiator?.url === from.initiator?.url
    ) {
      return next;
    }
  }
  return null;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
