// 个人账户 (employees): when the HIS asks (acct_used_flag), the account pays the person's share
// up to its balance; cash is the rest.
import { clamp0, type Fen } from '../shared/money.ts';
import { yuan } from './explain.ts';
import type { ExplanationStep } from './types.ts';

export function personalAccount(
  personShareFen: Fen,
  balanceFen: Fen,
): { accountFen: Fen; step: ExplanationStep } {
  const accountFen = Math.min(clamp0(personShareFen), clamp0(balanceFen));
  const short =
    accountFen < personShareFen ? `，余额不足，其余 ${yuan(personShareFen - accountFen)}以现金支付` : '';
  return {
    accountFen,
    step: {
      rule: 'PERSONAL_ACCOUNT',
      title: '个人账户支付',
      baseFen: personShareFen,
      ratioBp: null,
      amountFen: accountFen,
      note: `个人负担 ${yuan(personShareFen)}，个人账户余额 ${yuan(balanceFen)}，由个人账户支付 ${yuan(accountFen)}${short}。`,
    },
  };
}
