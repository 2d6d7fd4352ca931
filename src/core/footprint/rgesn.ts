import type { ObservedReport } from '../analyse';
import type { RgesnCheck } from '../report';
import type { DependencyContext } from '../dependencies/context';

/** The RGESN 2024 criteria a page load can check (4.1, 4.8, 5.1, 6.2, 6.3, 6.4, 6.7) and indicators (6.1, 4.4, 2.10). */
export function checkRgesn(_report: Omit<ObservedReport, 'rgesn'>, _context: DependencyContext): RgesnCheck[] | null {
  return null;
}
