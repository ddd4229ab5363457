// 参保缴费 against the year's contribution standard (筹资标准, policy data: the 390 policy's
// `contribution` section). A resident's year costs the standard personal part plus the fiscal
// subsidy; 资助参保 moves all (特困 …) or part (低保 …) of the personal part from the person to the
// subsidising department. Amounts that differ from this, or a record in which neither the person
// nor the treasury paid anything (zero/zero), are refused unless the clerk gives a reason.
//
// Policy choices worth knowing:
// - The standard is a yearly amount: a period beginning mid-year (a newborn, a move) pays the full
//   year, as the county's 筹资 notice does; a county that pro-rates enters the reason.
// - With a reason the entry is accepted and the reason is stored and audited. The second-post
//   review of such entries (一事两岗两审) arrives with the services module's workflow.
// - Only the counter is checked: ledger imports are partner departments' records of what was
//   actually paid, and are taken as they are.
// - Employees (310) pay on their wage base, so only zero/zero is checked; maternity (510) is paid
//   by the employer alone and is not checked.
// - No standard on file for the year (no 390 policy with a contribution section): only zero/zero.
import { type AppError, badRequest } from '../shared/errors.ts';
import { IDENTITY_NAMES, nameOf } from '../shared/labels.ts';
import { type Fen, fenToYuan } from '../shared/money.ts';
import type { ContributionStandard } from '../settlement/policy.ts';

export type { ContributionStandard };

export interface ContributionCandidate {
  insutype: string;
  personalFen: Fen;
  fiscalFen: Fen;
  assistedFen: Fen;
  assistedIdentity: string | null;
  /** why the amounts differ from the standard; blank = none given */
  reason: string | null;
}

export interface ExpectedContribution {
  personalFen: Fen;
  fiscalFen: Fen;
  assistedFen: Fen;
}

/** What the standard asks of a resident with this subsidising identity; null when it sets no subsidy for it. */
export function expectedContribution(
  std: ContributionStandard,
  assistedIdentity: string | null,
): ExpectedContribution | null {
  if (!assistedIdentity) return { personalFen: std.personalFen, fiscalFen: std.fiscalFen, assistedFen: 0 };
  const rule = std.subsidies.find((s) => s.identity === assistedIdentity);
  if (!rule) return null;
  const assisted = rule.assistedFen === null ? std.personalFen : Math.min(rule.assistedFen, std.personalFen);
  return { personalFen: std.personalFen - assisted, fiscalFen: std.fiscalFen, assistedFen: assisted };
}

const yuan = (f: Fen) => `${fenToYuan(f)} 元`;
const amounts = (a: ExpectedContribution) =>
  `个人缴费 ${yuan(a.personalFen)}、财政补助 ${yuan(a.fiscalFen)}、资助 ${yuan(a.assistedFen)}`;

/**
 * Check the amounts of one enrollment. Returns null when they may be recorded, otherwise a coded
 * error whose details.field names the first amount off the standard and details.expected the
 * standard's amounts.
 */
export function checkContribution(
  c: ContributionCandidate,
  std: ContributionStandard | null,
  year: number,
): AppError | null {
  if (c.insutype === '510') return null;
  const reasoned = (c.reason ?? '').trim() !== '';
  if (c.personalFen === 0 && c.fiscalFen === 0 && !reasoned) {
    return badRequest(
      'CONTRIBUTION_ZERO',
      '个人缴费和财政补助均为 0：如确属免缴或补录，请在“缴费说明”中填写原因',
      { field: 'personalFen' },
    );
  }
  if (c.insutype !== '390' || std === null || reasoned) return null;

  const expected = expectedContribution(std, c.assistedIdentity);
  if (expected === null) {
    const who = nameOf(IDENTITY_NAMES, c.assistedIdentity, '所填');
    return badRequest(
      'CONTRIBUTION_OFF_STANDARD',
      `${year} 年缴费标准没有${who}身份的资助标准：如确需资助，请在“缴费说明”中填写原因`,
      { field: 'assistedIdentity' },
    );
  }
  const given: ExpectedContribution = {
    personalFen: c.personalFen,
    fiscalFen: c.fiscalFen,
    assistedFen: c.assistedFen,
  };
  const field = (['personalFen', 'fiscalFen', 'assistedFen'] as const).find((k) => given[k] !== expected[k]);
  if (!field) return null;
  const who = c.assistedIdentity ? `（${nameOf(IDENTITY_NAMES, c.assistedIdentity, '资助')}资助参保）` : '';
  return badRequest(
    'CONTRIBUTION_OFF_STANDARD',
    `${year} 年城乡居民医保缴费标准${who}为 ${amounts(expected)}，本次填写为 ${amounts(given)}，与标准不符：` +
      '请更正金额，或在“缴费说明”中填写原因',
    { field, expected },
  );
}

export interface SuggestedContribution extends ExpectedContribution {
  /** the subsidising identity the amounts follow, null when the person pays the standard in full */
  assistedIdentity: string | null;
}

/**
 * What the counter should prefill for a resident enrolling on `beginDate`: the standard, with the most
 * favourable subsidy among the person's identities valid on that day that the standard subsidises
 * (特困 over 低保, as the county's 资助参保 rule does).
 */
export function suggestContribution(
  std: ContributionStandard,
  spells: readonly { code: string; validFrom: string; validTo: string | null }[],
  beginDate: string,
): SuggestedContribution {
  let best: SuggestedContribution = { ...expectedContribution(std, null)!, assistedIdentity: null };
  for (const s of spells) {
    if (s.validFrom > beginDate || (s.validTo !== null && s.validTo < beginDate)) continue;
    const e = expectedContribution(std, s.code);
    if (e && e.assistedFen > best.assistedFen) best = { ...e, assistedIdentity: s.code };
  }
  return best;
}
