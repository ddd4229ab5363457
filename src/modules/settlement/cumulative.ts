// A person's figures for a benefit year, per scheme: the accumulators the engine keeps (deductible,
// funds paid, admissions) and the year's settled total. Read by 5206 and the person page.
import type { Queryable } from '../../db/types.ts';
import { type Accumulators, emptyAccumulators } from '../../domain/settlement/types.ts';
import { listAccumulators } from './accumulator-repo.ts';
import { yearFigures } from './settlement-repo.ts';

export interface YearCumulative {
  insutype: string;
  year: number;
  accumulators: Accumulators;
  totalFen: number;
  settlements: number;
}

export async function personYear(q: Queryable, psnNo: string, year: number): Promise<YearCumulative[]> {
  const [accs, figures] = await Promise.all([listAccumulators(q, psnNo, year), yearFigures(q, psnNo, year)]);
  const schemes = [...new Set([...accs.map((a) => a.insutype), ...figures.map((f) => f.insutype)])].sort();
  return schemes.map((insutype) => {
    const acc = accs.find((a) => a.insutype === insutype);
    const f = figures.find((x) => x.insutype === insutype);
    const {
      insutype: _i,
      updatedAt: _u,
      ...accumulators
    } = acc ?? {
      insutype,
      updatedAt: '',
      ...emptyAccumulators(year),
    };
    return { insutype, year, accumulators, totalFen: f?.totalFen ?? 0, settlements: f?.settlements ?? 0 };
  });
}
