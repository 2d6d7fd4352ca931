import type { MessageArea } from '../index';

/** The options page. */
export const options: MessageArea = {
  fr: {
    'options.title': 'Réglages d’Empreinte',
    'options.loading': 'Lecture des réglages…',
    'options.saved': 'Réglage enregistré.',
    'options.grid.heading': 'Intensité carbone de l’électricité',
    'options.grid.label': 'Région utilisée pour le calcul du CO2',
    'options.grid.help': 'Le modèle Sustainable Web Design (v4) multiplie l’énergie consommée par cette intensité. Par défaut, la moyenne mondiale.',
    'options.grid.world': 'Moyenne mondiale (modèle SWD v4) — {grams} g éq. CO2/kWh',
    'options.grid.france': 'France — {grams} g éq. CO2/kWh',
    'options.grid.region': '{code} — {grams} g éq. CO2/kWh',
    'options.online.heading': 'Vérifications en ligne',
    'options.online.label': 'Vérifier si le site est hébergé avec de l’énergie renouvelable',
    'options.online.what': 'Quand cette case est cochée, Empreinte envoie le nom d’hôte de la page examinée (par exemple www.exemple.fr), et rien d’autre, à l’API « greencheck » de The Green Web Foundation (api.thegreenwebfoundation.org). La réponse est gardée 30 jours sur cet ordinateur.',
    'options.online.off': 'Désactivé par défaut : tant que la case n’est pas cochée, l’extension ne fait aucune requête réseau de son propre chef.',
  },
  en: {
    'options.title': 'Empreinte settings',
    'options.loading': 'Reading the settings…',
    'options.saved': 'Setting saved.',
    'options.grid.heading': 'Carbon intensity of electricity',
    'options.grid.label': 'Region used to compute CO2',
    'options.grid.help': 'The Sustainable Web Design model (v4) multiplies the energy used by this intensity. By default, the world average.',
    'options.grid.world': 'World average (SWD v4 model) — {grams} g CO2e/kWh',
    'options.grid.france': 'France — {grams} g CO2e/kWh',
    'options.grid.region': '{code} — {grams} g CO2e/kWh',
    'options.online.heading': 'Online checks',
    'options.online.label': 'Check whether the site is hosted with renewable energy',
    'options.online.what': 'When this box is ticked, Empreinte sends the host name of the page examined (for example www.example.fr), and nothing else, to The Green Web Foundation’s “greencheck” API (api.thegreenwebfoundation.org). The answer is kept for 30 days on this computer.',
    'options.online.off': 'Off by default: until the box is ticked, the extension makes no network request of its own.',
  },
};
