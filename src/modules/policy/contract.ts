// Requests and replies of /api/policies (the POST body is the policy document, validated by the
// domain schema in domain/settlement/policy.ts).
import { z } from 'zod';
import { pageQuery } from '../../api/pagination.ts';
import type { Policy } from '../../domain/settlement/policy.ts';
import { year } from '../../domain/shared/input-schemas.ts';

export const listQuery = pageQuery.extend({
  admdvs: z
    .string()
    .regex(/^\d{6}$/, '必须是 6 位行政区划代码')
    .optional(),
  year: year.optional(),
  insutype: z.enum(['310', '390']).optional(),
});
export const idParams = z.object({ id: z.coerce.number().int().positive() });

/** An item of GET /api/policies. */
export interface PolicySummary {
  id: number;
  admdvs: string;
  year: number;
  insutype: string;
  version: string;
  name: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  createdBy: string;
  createdAt: string;
}

/** GET /api/policies/:id and the reply of POST /api/policies: the summary and the document. */
export type PolicyVersion = PolicySummary & { policy: Policy };
