import type { MessageArea } from '../index';

/**
 * The dependency score's deductions (`score.deduction.<rule>`, src/core/dependencies/score-rules.ts)
 * and the recommendations (`rec.<id>.title`, `rec.<id>.why`, src/core/dependencies/recommendations.ts).
 * Parameters: {count}, {targets} (what was found: domains, names), {share}, {free}.
 */
export const dependencies: MessageArea = {
  fr: {
    'score.dependencies.scale': 'Dépendances, de A (autonome) à E (très dépendant)',
    'score.deduction.trackers-before-interaction':
      'Traceurs actifs avant toute interaction du visiteur, donc avant tout consentement ({count}) : {targets}',
    'score.deduction.trackers': 'Traceurs sur la page ({count}) : {targets}',
    'score.deduction.pixels': 'Pixels publicitaires, qui signalent chaque visite à une régie ({count}) : {targets}',
    'score.deduction.session-recording':
      'Enregistrement de sessions (clics, défilements, saisies de chaque visiteur) : {targets}',
    'score.deduction.non-eu-parents': 'Maisons mères hors de l’Union européenne jointes par la page ({count}) : {targets}',
    'score.deduction.concentration': '{targets} reçoit à lui seul {share}\u00a0% des requêtes vers des tiers',
    'score.deduction.chat-widgets': 'Chat ou assistant d’IA intégré ({count}) : {targets}',
    'score.deduction.accessibility-overlay': 'Surcouche d’accessibilité : {targets}',
    'score.deduction.ai-services': 'Traduction ou personnalisation automatiques par IA : {targets}',
    'score.deduction.video-embeds': 'Lecteur vidéo intégré sans mode de confidentialité renforcée : {targets}',
    'score.deduction.maps': 'Carte interactive d’une plateforme commerciale : {targets}',
    'score.deduction.fonts': 'Polices chargées chez un tiers : {targets}',
    'score.deduction.social-embeds': 'Contenus de réseaux sociaux intégrés : {targets}',
    'score.deduction.public-cdn': 'Bibliothèques servies par un CDN public : {targets}',
    'score.deduction.third-party-cookies': 'Cookies tiers ({count}) : {targets}',
    'score.deduction.long-lived-cookies': 'Cookies de plus de 13 mois ({count}) : {targets}',
    'score.deduction.third-party-domains': '{count} domaines tiers (au-delà de {free}, chacun coûte un point)',
    'score.deduction.no-phone': 'Aucun numéro de téléphone trouvé sur la page',
    'score.deduction.no-address': 'Aucune adresse postale trouvée sur la page',
    'score.deduction.no-opening-hours': 'Aucun horaire d’ouverture ni de billetterie trouvé sur la page',
    'score.deduction.consent-given-earlier':
      'Un choix de consentement d’une visite précédente a été trouvé : les traceurs actifs dès le chargement ({count}) ne sont pas comptés comme actifs avant consentement',
    'score.deduction.unjudged-timing':
      'Moment des requêtes inconnu : les traceurs actifs avant interaction n’ont pas pu être jugés',
    'score.deduction.unjudged-cookies': 'Cookies non observés : non jugés',
    'score.deduction.unjudged-widgets': 'Services intégrés non évalués : non jugés',
    'score.deduction.unjudged-access': 'Accès sans écran non évalué (page non examinée) : non jugé',

    'rec.honest-consent.title': 'Ne rien déclencher avant le consentement',
    'rec.honest-consent.why':
      'Ces traceurs partent dès l’ouverture de la page, avant que le visiteur ait pu choisir. Configurez le bandeau pour qu’ils ne se chargent qu’après un accord explicite, et que refuser soit aussi simple qu’accepter.',
    'rec.remove-session-recording.title': 'Supprimer l’enregistrement de sessions',
    'rec.remove-session-recording.why':
      'Il capture les clics, défilements et saisies de chaque visiteur. Limitez-le au besoin à une courte étude avec consentement : quelques tests utilisateurs en personne apprennent souvent davantage.',
    'rec.remove-pixels.title': 'Retirer les pixels publicitaires',
    'rec.remove-pixels.why':
      'Un pixel ne sert qu’à signaler vos visiteurs à une plateforme publicitaire. Retirez-le, ou au minimum ne le chargez qu’après un consentement explicite ; pour mesurer une campagne, un lien avec paramètres UTM lu par votre mesure d’audience suffit souvent.',
    'rec.exempt-analytics.title': 'Passer à une mesure d’audience auto-hébergée',
    'rec.exempt-analytics.why':
      'Une mesure d’audience auto-hébergée (Matomo) configurée pour l’exemption de consentement de la CNIL garde vos statistiques sans confier vos visiteurs à un tiers hors UE. L’exemption dépend de la configuration (données anonymisées, pas de recoupement) : l’outil seul ne suffit pas.',
    'rec.human-contact.title': 'Offrir un contact humain plutôt qu’un chat automatisé',
    'rec.human-contact.why':
      'Un téléphone de billetterie, une adresse e-mail et des horaires de réponse donnent une vraie réponse aux publics qui en ont le plus besoin (personnes âgées, en situation de handicap). La conversation n’est plus confiée à un modèle d’IA ni à un prestataire extérieur.',
    'rec.remove-overlay.title': 'Retirer la surcouche d’accessibilité et corriger le site (RGAA)',
    'rec.remove-overlay.why':
      'Une surcouche ne rend pas un site conforme et gêne souvent les lecteurs d’écran. Corrigez l’accessibilité dans le site lui-même ; une déclaration d’accessibilité honnête et un contact sont plus utiles.',
    'rec.video-facade.title': 'Vidéo en mode confidentialité, chargée au clic',
    'rec.video-facade.why':
      'Utilisez youtube-nocookie.com (ou Vimeo avec dnt=1) derrière une façade : une image et un bouton, le lecteur ne se charge qu’au clic. Avant le clic, rien ne part chez la plateforme et la page est bien plus légère ; héberger la vidéo vous-même ou sur PeerTube supprime la dépendance.',
    'rec.static-map.title': 'Une carte statique ou OpenStreetMap',
    'rec.static-map.why':
      'Remplacez la carte interactive par une image avec l’adresse écrite en clair et un lien « Itinéraire », ou par OpenStreetMap chargé au clic. L’adresse reste lisible sans JavaScript et aucune donnée de visite ne part chez la plateforme.',
    'rec.self-host-fonts.title': 'Héberger les polices sur votre serveur',
    'rec.self-host-fonts.why':
      'Servez les fichiers WOFF2 vous-même (les polices Google Fonts sont sous licence libre). Chaque visite cesse d’être signalée au fournisseur et la page dépend d’un serveur extérieur de moins ; pour quelques icônes, insérez directement les SVG utilisés.',
    'rec.social-links.title': 'Des liens simples vers vos réseaux',
    'rec.social-links.why':
      'Remplacez les fils et boutons intégrés par de simples liens vers vos comptes. Les réseaux ne sont plus prévenus de chaque visite et la page se charge plus vite.',
    'rec.reviewed-translations.title': 'Des traductions relues plutôt qu’automatiques',
    'rec.reviewed-translations.why':
      'Publiez les informations essentielles (horaires, accès, billetterie) en pages traduites et relues, et renoncez à la personnalisation automatique. Le contenu est plus fiable et la page ne dépend plus d’un service qui analyse chaque visite.',
    'rec.publish-offline-access.title': 'Publier le téléphone, l’adresse et les horaires',
    'rec.publish-offline-access.why':
      'Écrivez sur la page le téléphone de la billetterie, l’adresse postale et les horaires d’ouverture, en texte (lien tel:, données schema.org). Tout le monde doit pouvoir joindre le lieu sans écran, sans compte et sans application.',
    'rec.fewer-multinationals.title': 'Dépendre moins de quelques multinationales',
    'rec.fewer-multinationals.why':
      'Chaque service d’une grande plateforme hors UE lui apprend qui visite votre site et vous lie à ses conditions. Hébergez vous-même ce qui peut l’être et préférez des prestataires européens pour le reste.',
    'rec.fewer-third-parties.title': 'Réduire le nombre de domaines tiers',
    'rec.fewer-third-parties.why':
      'Chaque domaine tiers est une dépendance de plus, une requête de plus et un destinataire de plus de l’adresse IP de vos visiteurs. Demandez pour chacun s’il est vraiment nécessaire à cette page.',
    'rec.fewer-cookies.title': 'Moins de cookies, et de plus courte durée',
    'rec.fewer-cookies.why':
      'Les cookies tiers permettent de suivre vos visiteurs d’un site à l’autre, et ceux de longue durée les reconnaissent pendant des années. Supprimez ceux dont le service n’est pas indispensable et limitez la durée des autres à 13 mois au plus, comme le recommande la CNIL.',
    'rec.self-host-libraries.title': 'Servir les bibliothèques depuis votre serveur',
    'rec.self-host-libraries.why':
      'Une panne ou une compromission du CDN public ne touche plus votre site, et aucune requête ne part ailleurs. À défaut, ajoutez au moins le contrôle d’intégrité (SRI).',
    'rec.ticketing-link.title': 'Un lien vers la billetterie plutôt qu’un module intégré',
    'rec.ticketing-link.why':
      'Un lien clair dit au visiteur qu’il quitte votre site et garde la page légère. Choisissez un prestataire qui n’ajoute pas de traceurs (vérifiez sa page avec Empreinte).',
  },
  en: {
    'score.dependencies.scale': 'Dependencies, from A (independent) to E (highly dependent)',
    'score.deduction.trackers-before-interaction':
      'Trackers active before the visitor’s first interaction, so before any consent ({count}): {targets}',
    'score.deduction.trackers': 'Trackers on the page ({count}): {targets}',
    'score.deduction.pixels': 'Advertising pixels, which report every visit to an ad platform ({count}): {targets}',
    'score.deduction.session-recording': 'Session recording (every visitor’s clicks, scrolls and typing): {targets}',
    'score.deduction.non-eu-parents': 'Parent companies outside the European Union reached by the page ({count}): {targets}',
    'score.deduction.concentration': '{targets} alone receives {share}% of the third-party requests',
    'score.deduction.chat-widgets': 'Embedded chat or AI assistant ({count}): {targets}',
    'score.deduction.accessibility-overlay': 'Accessibility overlay: {targets}',
    'score.deduction.ai-services': 'Automated AI translation or personalisation: {targets}',
    'score.deduction.video-embeds': 'Embedded video player without privacy-enhanced mode: {targets}',
    'score.deduction.maps': 'Interactive map from a commercial platform: {targets}',
    'score.deduction.fonts': 'Fonts loaded from a third party: {targets}',
    'score.deduction.social-embeds': 'Embedded social media content: {targets}',
    'score.deduction.public-cdn': 'Libraries served by a public CDN: {targets}',
    'score.deduction.third-party-cookies': 'Third-party cookies ({count}): {targets}',
    'score.deduction.long-lived-cookies': 'Cookies lasting over 13 months ({count}): {targets}',
    'score.deduction.third-party-domains': '{count} third-party domains (beyond {free}, each costs a point)',
    'score.deduction.no-phone': 'No phone number found on the page',
    'score.deduction.no-address': 'No postal address found on the page',
    'score.deduction.no-opening-hours': 'No opening or box-office hours found on the page',
    'score.deduction.consent-given-earlier':
      'A consent choice from an earlier visit was found: the trackers active on load ({count}) are not counted as active before consent',
    'score.deduction.unjudged-timing': 'Request timing unknown: trackers active before interaction could not be judged',
    'score.deduction.unjudged-cookies': 'Cookies not observed: not judged',
    'score.deduction.unjudged-widgets': 'Embedded services not evaluated: not judged',
    'score.deduction.unjudged-access': 'Access without a screen not evaluated (page not examined): not judged',

    'rec.honest-consent.title': 'Fire nothing before consent',
    'rec.honest-consent.why':
      'These trackers start as soon as the page opens, before the visitor could choose. Set the consent banner so that they load only after explicit agreement, and make refusing as easy as accepting.',
    'rec.remove-session-recording.title': 'Remove session recording',
    'rec.remove-session-recording.why':
      'It captures every visitor’s clicks, scrolls and typing. If you need it, restrict it to a short, consented study: a few in-person user tests often teach you more.',
    'rec.remove-pixels.title': 'Remove the advertising pixels',
    'rec.remove-pixels.why':
      'A pixel’s only job is to report your visitors to an ad platform. Remove it, or at the very least load it only after explicit consent; to measure a campaign, a UTM-tagged link read by your own analytics is often enough.',
    'rec.exempt-analytics.title': 'Move to self-hosted audience measurement',
    'rec.exempt-analytics.why':
      'Self-hosted audience measurement (Matomo) configured for the CNIL consent exemption keeps your statistics without handing your visitors to a non-EU third party. The exemption depends on the configuration (anonymised data, no cross-referencing), not on the tool alone.',
    'rec.human-contact.title': 'Offer a human contact instead of an automated chat',
    'rec.human-contact.why':
      'A box-office phone number, an e-mail address and response hours give a real answer to the visitors who need it most (older people, people with disabilities). The conversation is no longer handed to an AI model or an outside provider.',
    'rec.remove-overlay.title': 'Remove the accessibility overlay and fix the site (RGAA)',
    'rec.remove-overlay.why':
      'An overlay does not make a site compliant and often gets in the way of screen readers. Fix accessibility in the site itself; an honest accessibility statement and a contact are more useful.',
    'rec.video-facade.title': 'Privacy-enhanced video, loaded on click',
    'rec.video-facade.why':
      'Use youtube-nocookie.com (or Vimeo with dnt=1) behind a facade: a poster image and a play button, the player loads only on click. Nothing reaches the platform before the click and the page is much lighter; hosting the video yourself or on PeerTube removes the dependency.',
    'rec.static-map.title': 'A static map or OpenStreetMap',
    'rec.static-map.why':
      'Replace the interactive map with an image, the address in text and a "Directions" link, or with OpenStreetMap loaded on click. The address stays readable without JavaScript and no visit data goes to the platform.',
    'rec.self-host-fonts.title': 'Host the fonts on your own server',
    'rec.self-host-fonts.why':
      'Serve the WOFF2 files yourself (Google Fonts are openly licensed). Visitors are no longer reported to the provider on every page and the page depends on one less outside server; for a few icons, inline the SVGs you actually use.',
    'rec.social-links.title': 'Plain links to your social accounts',
    'rec.social-links.why':
      'Replace embedded feeds and buttons with plain links to your accounts. The networks are no longer told about every visit, and the page loads faster.',
    'rec.reviewed-translations.title': 'Reviewed translations rather than automated ones',
    'rec.reviewed-translations.why':
      'Publish the essential information (hours, access, tickets) as reviewed translated pages, and drop automated personalisation. The content is more reliable and the page no longer depends on a service that analyses every visit.',
    'rec.publish-offline-access.title': 'Publish the phone, address and opening hours',
    'rec.publish-offline-access.why':
      'Write the box-office phone, the postal address and the opening hours on the page, as text (tel: link, schema.org data). Everyone should be able to reach the venue without a screen, an account or an app.',
    'rec.fewer-multinationals.title': 'Depend less on a few multinationals',
    'rec.fewer-multinationals.why':
      'Each service from a large non-EU platform tells it who visits your site and binds you to its terms. Host yourself what you can, and prefer European providers for the rest.',
    'rec.fewer-third-parties.title': 'Reduce the number of third-party domains',
    'rec.fewer-third-parties.why':
      'Each third-party domain is one more dependency, one more request and one more recipient of your visitors’ IP address. Ask of each one whether this page really needs it.',
    'rec.fewer-cookies.title': 'Fewer cookies, with shorter lives',
    'rec.fewer-cookies.why':
      'Third-party cookies let your visitors be followed from site to site, and long-lived ones recognise them for years. Drop those whose service is not essential and keep the others to 13 months at most, as the CNIL recommends.',
    'rec.self-host-libraries.title': 'Serve libraries from your own server',
    'rec.self-host-libraries.why':
      'An outage or compromise of the public CDN no longer affects your site, and no request leaves it. Failing that, at least add Subresource Integrity (SRI).',
    'rec.ticketing-link.title': 'A link to the ticket shop rather than an embedded module',
    'rec.ticketing-link.why':
      'A clear link tells visitors they are leaving your site and keeps the page light. Pick a provider that adds no trackers (check its page with Empreinte).',
  },
};
