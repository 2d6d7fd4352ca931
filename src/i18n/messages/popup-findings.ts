import type { MessageArea } from '../index';

/** The popup's one-line verdict and the findings that cost the most points (src/ui/popup-findings.ts). */
export const popupFindings: MessageArea = {
  fr: {
    'popupfindings.heading': 'Les trois constats qui pèsent le plus',
    'popupfindings.points': '−{points} points',
    'popupfindings.none': 'Aucun point perdu sur les dépendances.',
    'popupfindings.pending': 'Constats pas encore évalués.',
  },
  en: {
    'popupfindings.heading': 'The three findings that weigh most',
    'popupfindings.points': '−{points} points',
    'popupfindings.none': 'No dependency points lost.',
    'popupfindings.pending': 'Findings not evaluated yet.',
  },
};
