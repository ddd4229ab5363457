// Requests and replies of /api/registry/catalogue (the workbench imports the types). The URLs keep
// the registry's prefix the catalogue was published under.
import { z } from 'zod';
import { pageQuery } from '../../api/pagination.ts';
import type { CatalogueInput } from '../../domain/registry/reference-rules.ts';
import { isoDate, nameText } from '../../domain/shared/input-schemas.ts';

/** An amount in fen (zod's own messages, as the registry's schemas have always answered). */
const fen = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const CATALOGUE_KINDS = ['drug', 'service', 'material'] as const;
export const CHARGE_LEVELS = ['01', '02', '03'] as const;

export const catalogueQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(CATALOGUE_KINDS).optional(),
  chrgitmLv: z.enum(CHARGE_LEVELS).optional(),
});
export type CatalogueFilter = Omit<z.infer<typeof catalogueQuery>, 'page' | 'pageSize'>;

export const catalogueBody = z.object({
  code: z.string().trim().min(1).max(50),
  name: nameText(200, '目录项目名称'),
  kind: z.enum(CATALOGUE_KINDS),
  chrgitmLv: z.enum(CHARGE_LEVELS),
  firstShareBp: z.number().int().min(0).max(10000).nullish(),
  priceCapFen: fen.min(1).nullish(),
  medChrgitmType: z
    .string()
    .regex(/^\d{2}$/)
    .default('14'),
  genderLimit: z.enum(['1', '2']).nullish(),
  minAge: z.number().int().min(0).max(150).nullish(),
  maxAge: z.number().int().min(0).max(150).nullish(),
  inpatientOnly: z.boolean().default(false),
  validFrom: isoDate,
  validTo: isoDate.nullish(),
});
export type CatalogueBody = z.infer<typeof catalogueBody>;

export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** An item's values as written (the body with its optional parts null). */
export interface CatalogueValues extends CatalogueInput {
  code: string;
  name: string;
  kind: 'drug' | 'service' | 'material';
  medChrgitmType: string;
  inpatientOnly: boolean;
}

/** A stored item (GET /api/registry/catalogue items, `item` of the others). */
export type CatalogueItem = CatalogueValues & { id: number };

export type { HisCatalogueItem, HisCatalogueQuery } from '../../domain/registry/catalogue-query.ts';
