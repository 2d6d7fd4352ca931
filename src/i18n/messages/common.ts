import type { MessageArea } from '../index';

/** Messages shared by every front door, including the notes that `analyse()` emits. */
export const common: MessageArea = {
  fr: {
    'grade.environment.scale': 'EcoIndex, de A (sobre) à G (très lourd)',
    'party.first': 'Premier plan (le site lui-même)',
    'party.third': 'Tiers',
  },
  en: {
    'grade.environment.scale': 'EcoIndex, from A (light) to G (very heavy)',
    'party.first': 'First party (the site itself)',
    'party.third': 'Third parties',
  },
};
