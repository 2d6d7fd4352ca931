import type { Widget } from '../report';
import type { DependencyContext } from './context';

/** Recognised embedded services (AI widgets, chats, consent, ticketing, video, maps, fonts …) with evidence. */
export function detectWidgets(_context: DependencyContext): Widget[] | null {
  return null;
}
