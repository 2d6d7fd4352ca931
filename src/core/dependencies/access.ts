import type { DomObservation } from '../capture';
import type { Report } from '../report';

/** Non-digital routes to the venue: phone, postal address, box-office or opening hours. */
export function findAccess(_dom: DomObservation | null): Report['access'] {
  return null;
}
