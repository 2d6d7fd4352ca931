import { describe, expect, it } from 'vitest';
import { fold, linkRole, samplePages } from '../../../src/cli/audit/sample';

const home = 'https://www.theatre.fr/';

describe('--pages: sampling a site', () => {
  it('folds accents, case and punctuation', () => {
    expect(fold('  Réserver !  Billetterie ')).toBe('reserver billetterie');
    expect(fold('What’s on')).toBe("what's on");
  });

  it('recognises roles by text first, then by path, in French and English', () => {
    expect(linkRole({ href: 'https://www.theatre.fr/x', text: 'Programmation 2026' })?.role).toBe('agenda');
    expect(linkRole({ href: 'https://www.theatre.fr/x', text: "What's on" })?.role).toBe('agenda');
    expect(linkRole({ href: 'https://www.theatre.fr/x', text: 'Infos pratiques' })?.role).toBe('infos-pratiques');
    expect(linkRole({ href: 'https://www.theatre.fr/billetterie/', text: '' })).toMatchObject({ role: 'billetterie', byText: false });
    expect(linkRole({ href: 'https://www.theatre.fr/sp%C3%A9ctacles', text: 'voir' })?.role).toBe('spectacles');
    expect(linkRole({ href: 'https://www.theatre.fr/equipe', text: 'L’équipe' })).toBeNull();
    // a word inside another is not a match: "contactless" is not "contact"
    expect(linkRole({ href: 'https://www.theatre.fr/x', text: 'contactless payment' })).toBeNull();
  });

  it('keeps same-site links only, one per page, best roles first, one of each role before a second', () => {
    const links = [
      { href: '/mentions-legales', text: 'Mentions légales' },
      { href: '/contact', text: 'Contact' },
      { href: 'https://billetterie.theatre.fr/', text: 'Réserver' },
      { href: 'https://www.facebook.com/theatre', text: 'Agenda sur Facebook' },
      { href: '/agenda#mars', text: 'Agenda' },
      { href: '/agenda', text: 'Tout l’agenda' },
      { href: '/saison-2026/', text: 'La saison' },
      { href: '/programme', text: 'Programme' },
      { href: '/#top', text: 'Agenda (accueil)' },
      { href: 'mailto:info@theatre.fr', text: 'Contact' },
    ];
    expect(samplePages(home, links, 10)).toEqual([
      { url: 'https://www.theatre.fr/agenda', role: 'agenda' },
      { url: 'https://billetterie.theatre.fr/', role: 'billetterie' },
      { url: 'https://www.theatre.fr/saison-2026/', role: 'saison' },
      { url: 'https://www.theatre.fr/contact', role: 'contact' },
      { url: 'https://www.theatre.fr/programme', role: 'agenda' },
    ]);
    expect(samplePages(home, links, 2).map((page) => page.role)).toEqual(['agenda', 'billetterie']);
    expect(samplePages(home, links, 0)).toEqual([]);
  });
});
