// Requests and replies of /api/dashboard (the workbench imports the types).
import { z } from 'zod';
import { pageQuery } from '../../api/pagination.ts';
import type { PeriodSummary, SummaryLine, summarise } from '../../domain/dashboard/settlement-summary.ts';
import { FIGURES, type GroupCoverage } from '../../domain/dashboard/special-groups.ts';
import type { ProgressTotals, TownshipProgress } from '../../domain/registry/progress.ts';
import { isoDate, year } from '../../domain/shared/input-schemas.ts';

/** ?year= of 参保进度 and the special groups (default: this year in China). */
export const yearQuery = z.object({ year: year.optional() });
/** ?date= of the settlement figures (default: today in China). */
export const dateQuery = z.object({ date: isoDate.optional() });
/** The persons behind a figure, a page at a time. */
export const personsQuery = pageQuery.extend({
  year: year.optional(),
  figure: z.enum(FIGURES),
  code: z.string().max(50).optional(),
  townshipCode: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});

export type { GroupCoverage, PeriodSummary, SummaryLine, TownshipProgress };

/** GET /api/dashboard/enrollment */
export interface EnrollmentProgress {
  year: number;
  county: ProgressTotals;
  townships: TownshipProgress[];
}

/** GET /api/dashboard/settlements */
export type SettlementSummary = ReturnType<typeof summarise>;

/** GET /api/dashboard/special-groups */
export interface SpecialGroups {
  date: string;
  year: number;
  items: GroupCoverage[];
  total: GroupCoverage;
}

/** An item of GET /api/dashboard/persons (the ID number masked). */
export interface FigurePerson {
  psnNo: string;
  name: string;
  certno: string;
  townshipName: string;
  villageName: string;
  insured: boolean;
  subsidised: boolean;
}
