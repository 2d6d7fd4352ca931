// The venue test sites (tests/fixtures/sites/venue-*): one root per scenario,
// each holding one folder per host. To audit them all in ONE CLI run (one
// Chromium, one set of resolver rules) they are merged into a single root for
// the site server; a host present in several scenarios must then serve the
// same bytes for the same path, and a conflict fails loudly rather than
// letting one scenario silently answer for another.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSiteServer, type SiteServer } from '../../../src/cli/site-server';
import { repoRoot } from './cli';

export const venues = {
  sobre: { root: 'venue-sobre', home: 'https://www.festival-nuits-courtes.fr/' },
  lourde: { root: 'venue-lourde', home: 'https://www.theatre-des-quatre-vents.fr/' },
  mixte: { root: 'venue-mixte', home: 'https://www.musee-des-tisserands.fr/' },
} as const;
export type VenueName = keyof typeof venues;

export const venueRoot = (name: VenueName): string => join(repoRoot, 'tests/fixtures/sites', venues[name].root);

/** the host folders of one scenario (what the server served for them is what its page loaded) */
export const venueHosts = (name: VenueName): Set<string> => new Set(readdirSync(venueRoot(name)));

function mergeInto(source: string, target: string, relative = ''): void {
  for (const entry of readdirSync(join(source, relative))) {
    const path = join(relative, entry);
    const from = join(source, path);
    const to = join(target, path);
    if (statSync(from).isDirectory()) {
      mkdirSync(to, { recursive: true });
      mergeInto(source, target, path);
    } else if (!existsSync(to)) {
      copyFileSync(from, to);
    } else if (entry === '_routes.json') {
      const merged = JSON.parse(readFileSync(to, 'utf8')) as Record<string, unknown>;
      for (const [route, value] of Object.entries(JSON.parse(readFileSync(from, 'utf8')) as Record<string, unknown>)) {
        if (route in merged && JSON.stringify(merged[route]) !== JSON.stringify(value)) {
          throw new Error(`venue sites disagree on route ${route} of ${path}`);
        }
        merged[route] = value;
      }
      writeFileSync(to, JSON.stringify(merged));
    } else if (!readFileSync(from).equals(readFileSync(to))) {
      throw new Error(`venue sites serve different files for ${path}`);
    }
  }
}

/** Serves the given scenarios (all by default) from one merged root, removed on close. */
export async function startVenueServer(names: VenueName[] = Object.keys(venues) as VenueName[]): Promise<SiteServer> {
  const merged = mkdtempSync(join(tmpdir(), 'empreinte-venues-'));
  try {
    for (const name of names) mergeInto(venueRoot(name), merged);
    const server = await startSiteServer({ root: merged });
    return {
      ...server,
      close: async () => {
        await server.close();
        rmSync(merged, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(merged, { recursive: true, force: true });
    throw error;
  }
}
