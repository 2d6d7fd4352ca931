import type { MessageArea } from '../index';

/**
 * Labels for what src/core/dependencies/{organisations,trackers}.ts report:
 * tracker kinds (`tracker.kind.<kind>`, the TrackerKind enum of src/core/report.ts),
 * where a named tracker was served from (`tracker.party.<party>`), the remark on
 * tools that may be exempt from consent, jurisdictions, the "unknown" parent group,
 * and the definition shown beside the tracker list (docs/dependencies.md).
 */
export const trackers: MessageArea = {
  fr: {
    'tracker.kind.advertising': 'Publicité',
    'tracker.kind.analytics': 'Mesure d’audience',
    'tracker.kind.social': 'Réseau social',
    'tracker.kind.tag-manager': 'Gestionnaire de balises',
    'tracker.kind.session-recording': 'Enregistrement de sessions',
    'tracker.kind.fingerprinting': 'Empreinte du navigateur',
    'tracker.kind.pixel': 'Pixel publicitaire',
    'tracker.party.first': 'Servi par le domaine du site',
    'tracker.party.third': 'Servi par un tiers',
    'tracker.remark.mayBeExempt':
      'Peut être exempté de consentement s’il est configuré pour cela (recommandations de la CNIL) ; cela ne se vérifie pas depuis la page',
    'tracker.beforeInteraction': 'Actif avant toute interaction du visiteur',
    'tracker.afterInteraction': 'Actif après une interaction du visiteur',
    'tracker.timingUnknown': 'Moment du déclenchement inconnu',
    'tracker.none': 'Aucun traceur reconnu',
    'tracker.definition':
      'Un traceur observe, identifie ou profile le visiteur pour un autre que lui : publicité, mesure d’audience, réseaux sociaux, gestionnaires de balises, enregistrement de sessions, empreinte du navigateur, pixels. Une police, une carte ou une vidéo est une dépendance, pas un traceur en soi.',
    'tracker.observation': 'Constat d’un chargement de page, pas un avis juridique.',
    'jurisdiction.eu': 'Union européenne',
    'jurisdiction.non-eu': 'Hors Union européenne',
    'jurisdiction.unknown': 'Juridiction inconnue',
    'organisation.unknown': 'Organisation non répertoriée',
    'organisation.parent.unknown': 'Maison mère inconnue',
  },
  en: {
    'tracker.kind.advertising': 'Advertising',
    'tracker.kind.analytics': 'Audience measurement',
    'tracker.kind.social': 'Social network',
    'tracker.kind.tag-manager': 'Tag manager',
    'tracker.kind.session-recording': 'Session recording',
    'tracker.kind.fingerprinting': 'Browser fingerprinting',
    'tracker.kind.pixel': 'Advertising pixel',
    'tracker.party.first': 'Served by the site’s own domain',
    'tracker.party.third': 'Served by a third party',
    'tracker.remark.mayBeExempt':
      'May be exempt from consent if configured for it (CNIL guidance); this cannot be checked from the page',
    'tracker.beforeInteraction': 'Active before any visitor interaction',
    'tracker.afterInteraction': 'Active after a visitor interaction',
    'tracker.timingUnknown': 'When it fired is unknown',
    'tracker.none': 'No tracker recognised',
    'tracker.definition':
      'A tracker observes, identifies or profiles the visitor for someone else: advertising, audience measurement, social networks, tag managers, session recording, browser fingerprinting, pixels. A font, a map or a video is a dependency, not a tracker by itself.',
    'tracker.observation': 'An observation of one page load, not a legal verdict.',
    'jurisdiction.eu': 'European Union',
    'jurisdiction.non-eu': 'Outside the European Union',
    'jurisdiction.unknown': 'Unknown jurisdiction',
    'organisation.unknown': 'Organisation not catalogued',
    'organisation.parent.unknown': 'Unknown parent company',
  },
};
