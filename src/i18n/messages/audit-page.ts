import type { MessageArea } from '../index';

/** One audited page (src/cli/audit/page-audit.ts): why it could not be audited, in one line. */
export const auditPage: MessageArea = {
  fr: {
    'audit.page.failure.dns': 'Nom de domaine introuvable ({detail})',
    'audit.page.failure.tls': 'Connexion sécurisée refusée : certificat ou TLS invalide ({detail})',
    'audit.page.failure.connection': 'Connexion impossible ou interrompue ({detail})',
    'audit.page.failure.http': 'Le serveur a répondu par une erreur HTTP {status}',
    'audit.page.failure.timeout': 'Délai dépassé ({detail})',
    'audit.page.failure.not-html': 'Ce n’est pas une page HTML ({detail})',
    'audit.page.failure.offsite-redirect': 'Redirigée vers un autre site : {detail}',
    'audit.page.failure.robots': 'Interdite par robots.txt ({detail})',
    'audit.page.failure.browser': 'Le navigateur a échoué ({detail})',
  },
  en: {
    'audit.page.failure.dns': 'Domain name not found ({detail})',
    'audit.page.failure.tls': 'Secure connection refused: invalid certificate or TLS ({detail})',
    'audit.page.failure.connection': 'Could not connect, or the connection broke ({detail})',
    'audit.page.failure.http': 'The server answered with HTTP error {status}',
    'audit.page.failure.timeout': 'Timed out ({detail})',
    'audit.page.failure.not-html': 'Not an HTML page ({detail})',
    'audit.page.failure.offsite-redirect': 'Redirected to another site: {detail}',
    'audit.page.failure.robots': 'Disallowed by robots.txt ({detail})',
    'audit.page.failure.browser': 'The browser failed ({detail})',
  },
};
