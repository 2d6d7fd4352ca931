import type { Catalogs } from '../../data/index';
import type { Report, Widget } from '../report';
import type { ActionSpec } from './actions';

/** A candidate action with the name people know its target by. */
export interface Candidate {
  spec: ActionSpec;
  name: string;
}

/** Maps that already are open data (OpenStreetMap tiles, uMap, IGN): no static-map action for them. */
const OPEN_MAPS = new Set(['openstreetmap-tiles', 'openstreetmap-france-tiles', 'leaflet-cdn', 'umap', 'ign-geoplateforme']);

/**
 * The actions that apply to this page, from what the report found:
 * - each named tracker with requests (a pixel, a session recorder, analytics
 *   through the site's own domain), then each tracker domain (by category);
 * - each video player, and each social embed seen as a frame: a click-to-load facade;
 * - each font service: self-host the fonts;
 * - each interactive map that is not open data: a static image;
 * - each AI widget (LLM assistant, AI overlay, AI translation or personalisation): remove it;
 * - each other chat: remove it when the page gives a phone number (people can
 *   call), otherwise load it on click.
 */
export function candidatesOf(report: Report, catalogs: Catalogs): Candidate[] {
  const out: Candidate[] = [];
  const add = (action: ActionSpec['action'], target: string, name: string) => {
    if (!out.some((c) => c.spec.action === action && c.spec.target === target)) out.push({ spec: { action, target }, name });
  };
  for (const tracker of report.trackers ?? []) {
    if (tracker.requests > 0) add('remove-tracker', tracker.id, tracker.name);
  }
  for (const party of report.thirdParties) {
    if (party.tracker === true) add('remove-tracker', party.domain, party.entity ?? party.domain);
  }
  const known = new Set(catalogs.services.map((service) => service.id));
  for (const widget of report.widgets ?? []) {
    if (!known.has(widget.id)) continue;
    const action = actionFor(widget, report);
    if (action) add(action, widget.id, widget.name);
  }
  return out;
}

function actionFor(widget: Widget, report: Report): ActionSpec['action'] | null {
  if (widget.ai === 'llm' || widget.ai === 'ai-overlay' || widget.ai === 'ai-translation' || widget.ai === 'ai-personalisation') {
    return 'remove-ai-widget';
  }
  switch (widget.kind) {
    case 'chat':
      return report.access?.phone.found === true ? 'remove-chat' : 'defer-chat';
    case 'video':
      return 'facade-embed';
    case 'social':
      return widget.evidence.some((item) => item.startsWith('iframe:')) ? 'facade-embed' : null;
    case 'font':
      return 'self-host-fonts';
    case 'map':
      return OPEN_MAPS.has(widget.id) ? null : 'static-map';
    default:
      return null;
  }
}
