import { describe, expect, it } from 'vitest';
import { findAccess } from '../../../src/core/dependencies/access';
import { Report } from '../../../src/core/report';
import { dom } from '../core/support/captures';

function page(text: string, extra: Partial<NonNullable<ReturnType<typeof dom>>> = {}) {
  return { ...dom(100), text, ...extra };
}

const theatreFooter = `Programme
Saison 2025-2026
Samedi 12 octobre à 20h30 — Le Misanthrope
Accueil-billetterie
Du mardi au samedi de 13 h à 19 h, et une heure avant chaque représentation.
Théâtre de la Cité
12 bis, rue des Lilas
69003 Lyon
Tél. 04 78 12 34 56
Licences L-R-21-1234 — SIRET 123 456 789 00012`;

describe('findAccess', () => {
  it('is not evaluated without a DOM', () => {
    expect(findAccess(null)).toBeNull();
  });

  it('finds the phone, address and box-office hours of a hand-written French footer', () => {
    const access = findAccess(page(theatreFooter));
    expect(access).toEqual({
      phone: { found: true, evidence: ['04 78 12 34 56'] },
      address: { found: true, evidence: ['12 bis, rue des Lilas 69003 Lyon'] },
      openingHours: {
        found: true,
        evidence: ['Accueil-billetterie Du mardi au samedi de 13 h à 19 h'],
      },
    });
    expect(() => Report.shape.access.parse(access)).not.toThrow();
  });

  it('reads tel: links and schema.org contact data', () => {
    const access = findAccess(
      page('', {
        telLinks: ['tel:+33478123456'],
        contactData: {
          telephones: ['+33 4 78 12 34 56'],
          addresses: ['8 place des Terreaux 69001 Lyon'],
          openingHours: ['Tu-Sa 13:00-19:00'],
        },
      }),
    );
    expect(access?.phone.evidence).toEqual(['tel:+33478123456', '+33 4 78 12 34 56']);
    expect(access?.address.evidence).toEqual(['8 place des Terreaux 69001 Lyon']);
    expect(access?.openingHours.evidence).toEqual(['Tu-Sa 13:00-19:00']);
  });

  it('accepts the usual ways of writing a French number, premium 08 numbers included', () => {
    const text = [
      'Standard : 01.42.34.56.78',
      'Billetterie 08 92 68 36 22',
      'Mobile 06-12-34-56-78',
      'Depuis l’étranger : +33 (0)1 42 34 56 79',
      'International +33 1 42 34 56 80',
      'Fax 0142345681',
    ].join('\n');
    expect(findAccess(page(text))?.phone.evidence).toEqual([
      '01.42.34.56.78',
      '08 92 68 36 22',
      '06-12-34-56-78',
      '+33 (0)1 42 34 56 79',
      '+33 1 42 34 56 80',
    ]);
  });

  it('refuses digit runs that are not phones', () => {
    const text = [
      'SIRET 12345678900012',
      'SIRET : 01 23 45 67 89',
      'Commande n° 123014234567890',
      'Réf. 9 01 42 34 56 78 9',
      'Saison 2025 2026 : 120 spectacles',
    ].join('\n');
    expect(findAccess(page(text))?.phone).toEqual({ found: false, evidence: [] });
  });

  it('finds an address whose street has no number, and one written on one line', () => {
    const text = 'Nous trouver\nPlace Bellecour\n69002 Lyon\n\nSalle annexe : 3 avenue Jean Jaurès, 13001 Marseille';
    expect(findAccess(page(text))?.address.evidence).toEqual([
      '3 avenue Jean Jaurès, 13001 Marseille',
      'Place Bellecour 69002 Lyon',
    ]);
  });

  it('does not take a show time or a postcode alone for access routes', () => {
    const text = 'Accueil\nSamedi 12 octobre à 20h30\nTournée : 75011 Paris, 69003 Lyon';
    const access = findAccess(page(text));
    expect(access?.openingHours.found).toBe(false);
    expect(access?.address.found).toBe(false);
  });

  it('reads English box-office hours', () => {
    const text = 'Box office: open Tuesday to Saturday, 1pm — 14:00 to 19:00';
    expect(findAccess(page(text))?.openingHours.evidence).toEqual([
      'Box office: open Tuesday to Saturday, 1pm — 14:00 to 19:00',
    ]);
  });

  it('reports nothing on a page that only offers a contact form', () => {
    const text = 'Contact\nNom\nCourriel\nVotre message\nEnvoyer\nNous vous répondrons sous 48 h.';
    expect(findAccess(page(text))).toEqual({
      phone: { found: false, evidence: [] },
      address: { found: false, evidence: [] },
      openingHours: { found: false, evidence: [] },
    });
  });

  it('keeps at most five short snippets per route', () => {
    const text = Array.from({ length: 8 }, (_, i) => `Antenne ${i} : 01 42 34 56 ${String(10 + i)}`).join('\n');
    const long = `${'12 rue '.padEnd(100, 'x')} `;
    const access = findAccess(page(text, { contactData: { telephones: [], addresses: [long.repeat(2)], openingHours: [] } }));
    expect(access?.phone.evidence).toHaveLength(5);
    expect(access?.address.evidence[0]?.length).toBeLessThanOrEqual(120);
  });
});
