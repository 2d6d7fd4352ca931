import type { DomObservation } from '../capture';
import type { Report } from '../report';

type Access = NonNullable<Report['access']>;
type Route = Access['phone'];

/** Evidence kept per route: enough to show where it was found, not a dump of the page. */
const MAX_EVIDENCE = 5;
const MAX_SNIPPET = 120;

/**
 * Non-digital routes to the venue: phone, postal address, box-office or
 * opening hours. Read from `tel:` links, schema.org contact data and the
 * page's visible text (French conventions first: most venues write their
 * footer by hand, without structured data). Null when no DOM was observed.
 */
export function findAccess(dom: DomObservation | null): Report['access'] {
  if (dom === null) return null;
  const text = dom.text;
  return {
    phone: route([
      ...dom.telLinks.map((link) => link.trim()),
      ...dom.contactData.telephones,
      ...phonesIn(text),
    ]),
    address: route([...dom.contactData.addresses, ...addressesIn(text)]),
    openingHours: route([...dom.contactData.openingHours, ...openingHoursIn(text)]),
  };
}

function route(candidates: readonly string[]): Route {
  const evidence: string[] = [];
  for (const candidate of candidates) {
    const snippet = tidy(candidate);
    if (snippet && !evidence.includes(snippet)) evidence.push(snippet);
    if (evidence.length >= MAX_EVIDENCE) break;
  }
  return { found: evidence.length > 0, evidence };
}

function tidy(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SNIPPET ? `${oneLine.slice(0, MAX_SNIPPET - 1).trimEnd()}…` : oneLine;
}

/*
 * French numbers: 0X XX XX XX XX (spaces, dots, dashes or nothing between
 * pairs), +33 X XX XX XX XX and +33 (0)X XX XX XX XX. 08 numbers (premium,
 * often a box office's) count. The look-arounds refuse a match glued to other
 * digits, so that a SIRET (14 digits) or an order number is not read as a phone.
 */
const SEP = '[ .\\-\\u00a0]?';
const PHONE = new RegExp(
  `(?<!\\d${SEP})(?<![+\\d])(?:0|\\+33${SEP}(?:\\(0\\)${SEP})?)[1-9](?:${SEP}\\d{2}){4}(?!${SEP}\\d)`,
  'g',
);
/** Registration numbers written next to a 10-digit run are not phones. */
const NOT_A_PHONE = /\b(?:siret|siren|rcs|tva|n° ?tva|ape|naf|licences?|l[1-3]-|iban|bic)\b[^\n]{0,24}$/i;

function phonesIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(PHONE)) {
    const before = text.slice(Math.max(0, match.index - 40), match.index);
    if (NOT_A_PHONE.test(before)) continue;
    found.push(match[0]);
    if (found.length >= MAX_EVIDENCE) break;
  }
  return found;
}

const STREET_TYPES =
  'rue|avenue|av\\.|boulevard|bd|place|quai|all[ée]e|chemin|cours|impasse|route|square|passage|esplanade|parvis';
/** "12 bis, rue de la Paix": a number, then a street type. */
const NUMBERED_STREET = new RegExp(`(?<![\\d\\p{L}])\\d{1,4}(?: ?(?:bis|ter))?,? (?:${STREET_TYPES})(?![\\p{L}])`, 'giu');
/** A street type on its own ("Place Bellecour"), looked for just before a postcode. */
const STREET_WORD = new RegExp(`(?<![\\p{L}])(?:${STREET_TYPES})(?![\\p{L}])`, 'iu');
/** A five-digit postcode and a town that starts with a capital letter (case matters here). */
const POSTCODE_TOWN = /(?<!\d)\d{5}(?!\d)[ \u00a0]+[A-ZÀÂÉÈÊÎÔÛÇ][\p{L}'’-]+(?:[ -][A-ZÀÂÉÈÊÎÔÛÇ\p{Ll}][\p{L}'’-]+){0,3}/gu;
const FIRST_POSTCODE_TOWN = new RegExp(POSTCODE_TOWN.source, 'u');
/** How far after a street the postcode may come (the rest of the line, a line break). */
const STREET_TO_POSTCODE = 80;

function addressesIn(text: string): string[] {
  const found: string[] = [];
  const covered: [number, number][] = [];
  for (const street of text.matchAll(NUMBERED_STREET)) {
    const after = text.slice(street.index, street.index + street[0].length + STREET_TO_POSTCODE);
    const postcode = FIRST_POSTCODE_TOWN.exec(after);
    if (!postcode) continue;
    const end = street.index + postcode.index + postcode[0].length;
    found.push(text.slice(street.index, end));
    covered.push([street.index, end]);
    if (found.length >= MAX_EVIDENCE) return found;
  }
  // "Place Bellecour, 69002 Lyon": a postcode and town with a street type just before.
  for (const postcode of text.matchAll(POSTCODE_TOWN)) {
    if (covered.some(([from, to]) => postcode.index >= from && postcode.index < to)) continue;
    const start = Math.max(0, postcode.index - STREET_TO_POSTCODE);
    const before = text.slice(start, postcode.index);
    const street = STREET_WORD.exec(before);
    if (!street) continue;
    found.push(text.slice(start + street.index, postcode.index + postcode[0].length));
    if (found.length >= MAX_EVIDENCE) break;
  }
  return found;
}

/** Words that announce opening hours, in French and English. */
const HOURS_KEYWORD =
  /(?<![\p{L}])(?:billetterie|horaires?|ouvert(?:e|s|es|ure)?|accueil|box[ -]office|opening hours|open)(?![\p{L}])/giu;
const TIME = "(?:(?:[01]?\\d|2[0-3]) ?(?:h|H)(?: ?[0-5]\\d)?|(?:[01]?\\d|2[0-3]):[0-5]\\d)";
/**
 * A range of times ("de 13 h à 19 h", "14h-18h30", "10:00–18:00"): a single
 * time is more often a show's ("samedi 20h30") than a box office's hours.
 */
const TIME_RANGE = new RegExp(`${TIME}\\s*(?:à|a|-|–|—|to|jusqu'à|jusqu’à)\\s*${TIME}`, 'u');
const AFTER_KEYWORD = 160;

function openingHoursIn(text: string): string[] {
  const found: string[] = [];
  let searchedUpTo = 0;
  for (const keyword of text.matchAll(HOURS_KEYWORD)) {
    if (keyword.index < searchedUpTo) continue;
    const window = text.slice(keyword.index, keyword.index + keyword[0].length + AFTER_KEYWORD);
    const range = TIME_RANGE.exec(window);
    if (!range) continue;
    const end = range.index + range[0].length;
    found.push(window.slice(0, end));
    searchedUpTo = keyword.index + end;
    if (found.length >= MAX_EVIDENCE) break;
  }
  return found;
}
