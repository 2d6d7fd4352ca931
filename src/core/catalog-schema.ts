import { z } from './zod';

/**
 * The shape of third-party-web's `entities-nostats.json` that Empreinte relies on
 * (see src/data/index.ts). Extra fields (products, facades …) are allowed and ignored.
 * Not parsed at load time: a unit test validates the bundled file with it.
 */
export const EntitySchema = z.object({
  name: z.string().min(1),
  company: z.string().min(1).optional(),
  homepage: z.string().optional(),
  category: z.string().min(1),
  domains: z
    .array(
      z
        .string()
        .regex(/^(\*\.)?[a-z0-9.-]+$/i, 'a host name or a *.suffix wildcard')
        .refine((domain) => !domain.startsWith('.') && !domain.endsWith('.'), 'no leading or trailing dot'),
    ),
  // (a few entities list no domain at all: harmless, they simply never match)
});

export const EntityCatalogSchema = z.array(EntitySchema).min(1);
