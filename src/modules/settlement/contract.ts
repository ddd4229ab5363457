// Request and response shapes of the settlement module's staff API that the workbench shares.
import { z } from 'zod';
import { fen } from '../../domain/shared/input-schemas.ts';

/** GET /api/settlements items and GET /api/settlements/:setlId. */
export type { SettlementDetail, SettlementListItem } from './queries.ts';

/** A clerk's manual settlement (手工结算) of a visit's open lines, or its preview. */
export const manualSettleBody = z.object({
  psnNo: z.string().trim().min(1).max(30),
  insutype: z.enum(['310', '390']),
  /** the total the clerk expects, in fen: must equal the visit's open lines */
  totalFen: fen,
  useAccount: z.boolean().default(false),
  midStay: z.boolean().default(false),
});
export type ManualSettleBody = z.infer<typeof manualSettleBody>;

export const manualReverseBody = z.object({
  mdtrtId: z.string().trim().min(1).max(30),
  psnNo: z.string().trim().min(1).max(30),
  reason: z.string().trim().min(2, '请填写撤销原因').max(200),
});
export type ManualReverseBody = z.infer<typeof manualReverseBody>;
