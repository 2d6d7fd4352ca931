/**
 * `--pages N`: which pages of a site are worth auditing besides its home
 * page — the ones a visitor needs (what is on, tickets, how to get there,
 * contact). Links of the same site whose text or path matches a keyword,
 * French or English, accents and case ignored; the best first.
 */
import { getDomain } from 'tldts';

/** In order of preference: the programme and the ticket office first. Each role lists its spellings. */
export const pageRoles: readonly { role: string; words: readonly string[] }[] = [
  { role: 'agenda', words: ['agenda', 'programmation', 'programme', 'program', "what's on", 'whats on', 'what-s-on', 'calendrier', 'calendar', 'evenements', 'events'] },
  { role: 'billetterie', words: ['billetterie', 'billeterie', 'tickets', 'ticketing', 'reserver', 'reservation', 'booking', 'box office'] },
  { role: 'saison', words: ['saison', 'season'] },
  { role: 'spectacles', words: ['spectacles', 'spectacle', 'shows', 'performances'] },
  { role: 'infos-pratiques', words: ['infos pratiques', 'informations pratiques', 'infos-pratiques', 'informations-pratiques', 'acces', 'venir', 'plan visit', 'visit', 'practical information'] },
  { role: 'contact', words: ['contact', 'contactez', 'nous contacter', 'contact us'] },
];

export interface PageLink {
  href: string;
  text: string;
}

export interface SampledPage {
  url: string;
  role: string;
}

/** Lower case, accents off, punctuation as spaces: `Réserver !` → `reserver`. */
export function fold(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

function matches(haystack: string, word: string): boolean {
  const folded = fold(word);
  return ` ${haystack} `.includes(` ${folded} `);
}

/** The role a link plays, from its text first, then its path; null when none. */
export function linkRole(link: PageLink): { role: string; rank: number; byText: boolean } | null {
  const text = fold(link.text);
  let path = '';
  try {
    path = fold(decodeURIComponent(new URL(link.href).pathname));
  } catch {
    return null;
  }
  for (const [rank, { role, words }] of pageRoles.entries()) {
    if (words.some((word) => matches(text, word))) return { role, rank, byText: true };
  }
  for (const [rank, { role, words }] of pageRoles.entries()) {
    if (words.some((word) => matches(path, word))) return { role, rank, byText: false };
  }
  return null;
}

function sameSite(a: URL, b: URL): boolean {
  const siteA = getDomain(a.hostname) ?? a.hostname;
  const siteB = getDomain(b.hostname) ?? b.hostname;
  return siteA === siteB;
}

/**
 * Up to `count` pages (besides `home`): same site, http(s), not the home page
 * itself, one page per URL (fragment ignored) and one per role first (a
 * site's agenda and its ticket office before a second agenda link), then the
 * rest by rank. Stable: ties keep the page's link order.
 */
export function samplePages(home: string, links: readonly PageLink[], count: number): SampledPage[] {
  if (count <= 0) return [];
  const homeUrl = new URL(home);
  const candidates: { url: string; role: string; rank: number; byText: boolean; order: number }[] = [];
  const seen = new Set<string>([stripHash(homeUrl)]);
  for (const [order, link] of links.entries()) {
    let url: URL;
    try {
      url = new URL(link.href, home);
    } catch {
      continue;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !sameSite(url, homeUrl)) continue;
    const key = stripHash(url);
    if (seen.has(key)) continue;
    const role = linkRole({ href: url.href, text: link.text });
    if (!role) continue;
    seen.add(key);
    candidates.push({ url: key, ...role, order });
  }
  candidates.sort((a, b) => a.rank - b.rank || Number(b.byText) - Number(a.byText) || a.order - b.order);
  const firstOfRole = candidates.filter((c, i) => candidates.findIndex((d) => d.role === c.role) === i);
  const rest = candidates.filter((c) => !firstOfRole.includes(c));
  return [...firstOfRole, ...rest].slice(0, count).map(({ url, role }) => ({ url, role }));
}

function stripHash(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}
