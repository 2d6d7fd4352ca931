import type { MessageArea } from '../index';

/** `empreinte audit`: the crawl engine's options, progress and errors (src/cli/commands/audit.ts, src/cli/audit/*). */
export const audit: MessageArea = {
  fr: {
    'audit.usage':
      'audit [URL…] [--input FICHIER] [--out DOSSIER] [--resume] [--pages N] [--consent none|refuse|accept|all] [--concurrency N] [--timeout MS] [--retries N] [--delay MS] [--ignore-robots] [--user-agent UA] [--mobile] [--shard i/n] [--keep-secrets] [--json]',
    'audit.usage.help':
      'audite des pages et des sites (une adresse par ligne, ou un CSV avec une colonne url) : une ligne par page et par état du consentement dans DOSSIER/results.jsonl, reprise possible avec --resume',
    'audit.error.consent': '--consent « {value} » : choisissez none, refuse, accept ou all',
    'audit.error.shard': '--shard « {value} » : attendu i/n, avec 1 ≤ i ≤ n (par exemple 2/3)',
    'audit.error.atLeast': '{option} doit valoir au moins {min}',
    'audit.error.resumeWithoutOut': '--resume reprend un audit dans son dossier : donnez-le avec --out DOSSIER',
    'audit.error.notEmpty': '{dir} contient déjà un audit (results.jsonl) : ajoutez --resume pour le reprendre, ou choisissez un autre dossier',
    'audit.error.input': 'impossible de lire {file} : {reason}',
    'audit.input.badUrl': '{file}, ligne {line} : « {value} » n’est pas une adresse http(s) valable, ligne ignorée',
    'audit.input.duplicate': '{file}, ligne {line} : « {value} » est déjà dans la liste, ligne ignorée',
    'audit.progress.line': '{done}/{total} pages terminées, {failed} en échec, {remaining} restantes, fin estimée dans {eta}',
    'audit.resume.repaired': 'results.jsonl : dernière ligne coupée ({bytes} octets) retirée, la page sera refaite',
    'audit.resume.released': '{count} pages en cours lors de l’arrêt précédent remises dans la file',
    'audit.resume.skipping': 'reprise : {count} lignes déjà écrites ne seront pas refaites',
    'audit.robots.unavailable': 'robots.txt illisible ({url} : {reason}) : le site est audité sans règles',
    'audit.interrupted': 'audit interrompu : reprenez-le avec --resume (rien de ce qui est écrit n’est perdu)',
    'audit.failed': '{url} ({consent}) : non auditée, {kind} : {reason}',
    'audit.done': '{done} pages terminées dont {failed} en échec. Fichiers : {files}',
  },
  en: {
    'audit.usage':
      'audit [URL…] [--input FILE] [--out DIR] [--resume] [--pages N] [--consent none|refuse|accept|all] [--concurrency N] [--timeout MS] [--retries N] [--delay MS] [--ignore-robots] [--user-agent UA] [--mobile] [--shard i/n] [--keep-secrets] [--json]',
    'audit.usage.help':
      'audits pages and sites (one address a line, or a CSV with a url column): one row per page and consent state in DIR/results.jsonl, resumable with --resume',
    'audit.error.consent': '--consent "{value}": choose none, refuse, accept or all',
    'audit.error.shard': '--shard "{value}": expected i/n with 1 ≤ i ≤ n (for example 2/3)',
    'audit.error.atLeast': '{option} must be at least {min}',
    'audit.error.resumeWithoutOut': '--resume continues an audit in its folder: give it with --out DIR',
    'audit.error.notEmpty': '{dir} already holds an audit (results.jsonl): add --resume to continue it, or choose another folder',
    'audit.error.input': 'cannot read {file}: {reason}',
    'audit.input.badUrl': '{file}, line {line}: "{value}" is not a valid http(s) address, line skipped',
    'audit.input.duplicate': '{file}, line {line}: "{value}" is already in the list, line skipped',
    'audit.progress.line': '{done}/{total} pages finished, {failed} failed, {remaining} remaining, about {eta} left',
    'audit.resume.repaired': 'results.jsonl: last line cut in half ({bytes} bytes) removed, that page will be done again',
    'audit.resume.released': '{count} pages in progress when the previous run stopped are back in the queue',
    'audit.resume.skipping': 'resuming: {count} rows already written will not be redone',
    'audit.robots.unavailable': 'robots.txt cannot be read ({url}: {reason}): the site is audited without rules',
    'audit.interrupted': 'audit interrupted: continue it with --resume (nothing written is lost)',
    'audit.failed': '{url} ({consent}): not audited, {kind}: {reason}',
    'audit.done': '{done} pages finished, {failed} failed. Files: {files}',
  },
};
