import type { Widget } from '../report';
import type { DependencyContext } from './context';
import { organisationById, organisationOf } from './lookup';
import { recogniseServices, type Recognised } from './service-matcher';

/** AI classes first, most significant first; `none` last. */
const AI_ORDER: readonly Widget['ai'][] = ['llm', 'ai-capable', 'ai-overlay', 'ai-translation', 'ai-personalisation', 'none'];

/**
 * Recognised embedded services (AI widgets, chats, consent, ticketing, video,
 * maps, fonts …) with evidence. An empty list when the catalogs know services
 * and none was seen; null only when there is no catalog to match against.
 * Sorted: AI classes first, then by kind, then by name.
 */
export function detectWidgets(context: DependencyContext): Widget[] | null {
  const { catalogs } = context;
  if (catalogs.services.length === 0 && catalogs.consentManagers.length === 0) return null;
  return recogniseServices(context)
    .map((found) => widgetOf(found, context))
    .sort(
      (a, b) =>
        AI_ORDER.indexOf(a.ai) - AI_ORDER.indexOf(b.ai) ||
        a.kind.localeCompare(b.kind, 'en') ||
        a.name.localeCompare(b.name, 'en'),
    );
}

function widgetOf({ target, evidence }: Recognised, context: DependencyContext): Widget {
  const { entry } = target;
  const service = target.kind === 'service' && 'match' in entry ? entry : null;
  // The catalog names the organisation; failing that, the host it was seen on may.
  const firstHost = evidence.find((e) => e.startsWith('host:'))?.slice('host:'.length) ?? null;
  const organisation =
    organisationById(entry.organisationId, context.catalogs) ?? organisationOf(firstHost, null, context.catalogs);
  return {
    id: entry.id,
    name: entry.name,
    vendor: entry.vendor,
    kind: service ? service.kind : 'consent',
    ai: service ? service.ai : 'none',
    organisation: organisation?.name ?? null,
    parent: organisation?.parent ?? null,
    country: organisation?.country ?? entry.country,
    evidence,
  };
}
