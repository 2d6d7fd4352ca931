import type { MessageArea } from '../index';

/**
 * Messages of the action plan (src/core/plan): for each action kind, a title
 * and the how, concrete for a cultural venue; `{name}` is the service, tracker
 * or domain concerned. Notes say what a simulation could not change or assumed
 * (docs/scoring.md, "Action plan").
 */
export const plan: MessageArea = {
  fr: {
    'plan.remove-tracker.title': 'Retirer {name}',
    'plan.remove-tracker.how':
      'Retirez le script de {name} du gabarit du site (ou sa balise dans le gestionnaire de balises) : ses requêtes, et tout ce qu’il charge ensuite, disparaissent. Pour compter le public, une mesure d’audience sans cookie hébergée par le lieu (Matomo configuré en mode exempté, par exemple) et les chiffres de la billetterie suffisent souvent.',
    'plan.facade-embed.title': 'Charger {name} seulement au clic',
    'plan.facade-embed.how':
      'Remplacez le lecteur {name} intégré par une façade : une image de la bande-annonce hébergée sur le site et un bouton « Lire la vidéo », qui insère le lecteur seulement quand la personne le demande. Rien n’est envoyé à la plateforme tant qu’elle n’a pas cliqué ; ajoutez un lien direct vers la vidéo.',
    'plan.self-host-fonts.title': 'Héberger les polices de {name} sur le site',
    'plan.self-host-fonts.how':
      'Téléchargez les fichiers de police (WOFF2) et servez-les depuis le site, avec leurs règles @font-face dans votre propre feuille de style ; gardez seulement les graisses utilisées. Les polices Google Fonts sont sous licence libre (SIL OFL) : l’hébergement est permis, joignez le fichier de licence. La licence d’Adobe Fonts ne le permet pas : choisissez alors une police libre.',
    'plan.static-map.title': 'Remplacer la carte {name} par une image',
    'plan.static-map.how':
      'Remplacez la carte interactive {name} par une image fixe du quartier de la salle, hébergée sur le site (issue d’OpenStreetMap, en citant « © les contributeurs d’OpenStreetMap »), avec l’adresse écrite, les transports proches et un lien « Ouvrir dans OpenStreetMap » pour qui veut zoomer.',
    'plan.remove-ai-widget.title': 'Retirer {name}',
    'plan.remove-ai-widget.how':
      'Retirez {name} : un système d’IA ne devrait pas parler au nom du lieu sans que l’équipe l’ait décidé. À la place, donnez un contact humain bien visible : le téléphone et l’adresse électronique de la billetterie, avec ses horaires d’ouverture, et une page de questions fréquentes écrite par l’équipe.',
    'plan.defer-chat.title': 'Charger la messagerie {name} seulement au clic',
    'plan.defer-chat.how':
      'Affichez un simple bouton « Écrire à la billetterie » qui charge {name} seulement quand la personne le demande : la page ne contacte plus le service à chaque visite. Indiquez à côté le téléphone et les horaires de la billetterie.',
    'plan.remove-chat.title': 'Retirer la messagerie {name}',
    'plan.remove-chat.how':
      'La page donne déjà un numéro de téléphone : retirez {name} et mettez en avant le téléphone, l’adresse électronique et les horaires de la billetterie. Les réponses viennent d’une personne de l’équipe, pas d’un service extérieur.',
    'plan.note.domKept':
      'Le nombre d’éléments de la page est conservé : la capture ne compte pas les éléments de chaque cadre retiré, l’EcoIndex après l’action est donc prudent.',
    'plan.note.onClick': 'Le service reste utilisé quand une personne ouvre la messagerie ; seul le chargement à chaque visite disparaît.',
    'plan.note.addedEstimate': 'Compte {requests} image(s) hébergée(s) sur le site, {bytes} octets au total (taille type, estimée).',
  },
  en: {
    'plan.remove-tracker.title': 'Remove {name}',
    'plan.remove-tracker.how':
      'Remove the {name} script from the site’s template (or its tag in the tag manager): its requests, and everything it loads next, go. To count visitors, a cookie-free audience measurement hosted by the venue (Matomo configured to be exempt, for instance) and the box office’s figures are often enough.',
    'plan.facade-embed.title': 'Load {name} only on click',
    'plan.facade-embed.how':
      'Replace the embedded {name} player with a facade: a still of the trailer hosted on the site and a “Play the video” button that inserts the player only when the visitor asks. Nothing is sent to the platform until they click; add a direct link to the video.',
    'plan.self-host-fonts.title': 'Host the {name} fonts on the site',
    'plan.self-host-fonts.how':
      'Download the font files (WOFF2) and serve them from the site, with their @font-face rules in your own stylesheet; keep only the weights you use. Google Fonts are under a free licence (SIL OFL): self-hosting is allowed, ship the licence file with them. Adobe Fonts’ licence does not allow it: pick a free font instead.',
    'plan.static-map.title': 'Replace the {name} map with an image',
    'plan.static-map.how':
      'Replace the interactive {name} map with a still image of the venue’s surroundings, hosted on the site (made from OpenStreetMap, credited “© OpenStreetMap contributors”), with the address written out, the nearby transport and an “Open in OpenStreetMap” link for those who want to zoom.',
    'plan.remove-ai-widget.title': 'Remove {name}',
    'plan.remove-ai-widget.how':
      'Remove {name}: an AI system should not speak for the venue unless the team decided so. Instead, give a clearly visible human contact: the box office’s phone number and email address with its opening hours, and a questions page written by the team.',
    'plan.defer-chat.title': 'Load the {name} chat only on click',
    'plan.defer-chat.how':
      'Show a plain “Write to the box office” button that loads {name} only when the visitor asks: the page no longer contacts the service on every visit. Give the box office’s phone number and hours next to it.',
    'plan.remove-chat.title': 'Remove the {name} chat',
    'plan.remove-chat.how':
      'The page already gives a phone number: remove {name} and put the box office’s phone number, email address and hours forward. Answers come from a person on the team, not an outside service.',
    'plan.note.domKept':
      'The page’s element count is kept: the capture does not count the elements of each removed frame, so the EcoIndex after the action is cautious.',
    'plan.note.onClick': 'The service is still used when a visitor opens the chat; only its loading on every visit goes.',
    'plan.note.addedEstimate': 'Counts {requests} image(s) hosted on the site, {bytes} bytes in all (a typical size, estimated).',
  },
};
