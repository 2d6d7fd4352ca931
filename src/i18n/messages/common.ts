import type { MessageArea } from '../index';

/** Messages shared by every front door, including the notes that `analyse()` emits. */
export const common: MessageArea = {
  fr: {
    'grade.environment.scale': 'EcoIndex, de A (sobre) à G (très lourd)',
    'party.first': 'Premier plan (le site lui-même)',
    'party.third': 'Tiers',
    // analyse() notes (owner: core, src/core/notes.ts)
    'note.capture.incomplete': 'La page chargeait encore lors de la mesure : les chiffres peuvent être incomplets.',
    'note.document.fromCache': 'La page est venue du cache du navigateur : les chiffres sont partiels. Rechargez-la pour une mesure complète.',
    'note.navigation.soft': 'Vue ouverte sans rechargement complet : seuls les éléments chargés depuis ce changement de vue sont comptés.',
    'note.requests.none': 'Aucune requête réseau observée pour cette page.',
    'note.bytes.estimated': '{share}\u00a0% des octets sont estimés ({requests} requêtes sans taille mesurée), d’après des tailles moyennes par type de ressource.',
    'note.requests.fromCache': '{count} requêtes servies par le cache du navigateur, comptées sans octets transférés.',
    'note.requests.failed': '{count} requêtes ont échoué ; elles sont comptées comme requêtes, sans octets estimés.',
    'note.requests.dropped': '{count} requêtes comptées dans les totaux sans détail (limite de mémoire sur une page très lourde).',
    'note.requests.notNetwork': '{count} ressources internes à la page (data:, blob:…) ne passent pas par le réseau et ne sont pas comptées.',
    'note.dom.missing': 'Éléments de la page non comptés (fichier HAR ou page sans sonde) : l’EcoIndex ne peut pas être calculé.',
    // The CLI's audit and demo commands (helper AUDIT).
    'cli.audit.noUrl': 'donnez au moins une adresse à auditer (empreinte audit URL…)',
    'cli.audit.badUrl': '« {value} » n’est pas une adresse http(s) valable',
    'cli.audit.launchFailed': 'impossible de lancer Chromium ({path}) : {reason}',
    'cli.audit.progress': 'Audit {index}/{total} : {url}',
    'cli.audit.unreachable': '{url} : page injoignable ({reason})',
    'cli.audit.wrote': 'écrit : {files}',
    'cli.demo.serving': 'Site de démonstration servi en local sur le port {port} (aucune connexion à Internet)',
    'cli.demo.where': 'Rapport complet : {html} (données : {json})',
    'cli.demo.missingSite': 'site de démonstration introuvable (cherché dans {path})',
  },
  en: {
    'grade.environment.scale': 'EcoIndex, from A (light) to G (very heavy)',
    'party.first': 'First party (the site itself)',
    'party.third': 'Third parties',
    // analyse() notes (owner: core, src/core/notes.ts)
    'note.capture.incomplete': 'The page was still loading when measured: the figures may be incomplete.',
    'note.document.fromCache': 'The page came from the browser cache: the figures are partial. Reload it for a full measurement.',
    'note.navigation.soft': 'View opened without a full reload: only what loaded since the view changed is counted.',
    'note.requests.none': 'No network request was observed for this page.',
    'note.bytes.estimated': '{share}% of the bytes are estimated ({requests} requests without a measured size), from typical sizes by resource type.',
    'note.requests.fromCache': '{count} requests served from the browser cache, counted with no bytes transferred.',
    'note.requests.failed': '{count} requests failed; they count as requests, with no estimated bytes.',
    'note.requests.dropped': '{count} requests count in the totals without details (memory cap on a very heavy page).',
    'note.requests.notNetwork': '{count} resources inside the page (data:, blob:…) do not cross the network and are not counted.',
    'note.dom.missing': 'Page elements were not counted (HAR file or no DOM probe): EcoIndex cannot be computed.',
    // The CLI's audit and demo commands (helper AUDIT).
    'cli.audit.noUrl': 'give at least one address to audit (empreinte audit URL…)',
    'cli.audit.badUrl': '"{value}" is not a valid http(s) address',
    'cli.audit.launchFailed': 'cannot start Chromium ({path}): {reason}',
    'cli.audit.progress': 'Auditing {index}/{total}: {url}',
    'cli.audit.unreachable': '{url}: page unreachable ({reason})',
    'cli.audit.wrote': 'wrote: {files}',
    'cli.demo.serving': 'Demo site served locally on port {port} (no Internet connection used)',
    'cli.demo.where': 'Full report: {html} (data: {json})',
    'cli.demo.missingSite': 'demo site not found (looked in {path})',
  },
};
