// What the 参保登记 form prefills for a resident's year: the year's contribution standard (policy data)
// with the most favourable subsidy among the person's identities valid on the first covered day.
import type { Queryable } from '../../db/types.ts';
import { type SuggestedContribution, suggestContribution } from '../../domain/registry/contribution-rules.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { contributionStandardOn } from './enrollment-repo.ts';
import { findPerson, listIdentityTypes, personIdentities } from '../persons/index.ts';

export interface ContributionSuggestion {
  year: number;
  beginDate: string;
  /** null: no standard on file for the year (the clerk types the amounts) */
  suggestion: (SuggestedContribution & { assistedPayer: string | null }) | null;
}

export async function contributionSuggestion(
  q: Queryable,
  psnNo: string,
  year: number,
): Promise<ContributionSuggestion> {
  const person = await findPerson(q, psnNo);
  if (!person) throw notFound('PERSON_NOT_FOUND', '未找到该人员', { field: 'psnNo' });
  const yearStart = `${year}-01-01`;
  const beginDate = person.birthDate > yearStart ? person.birthDate : yearStart;
  const std = await contributionStandardOn(q, person.admdvs, beginDate);
  if (!std) return { year, beginDate, suggestion: null };
  const s = suggestContribution(std, await personIdentities(q, psnNo), beginDate);
  const payer = s.assistedIdentity
    ? ((await listIdentityTypes(q, true)).find((t) => t.code === s.assistedIdentity)?.department ?? null)
    : null;
  return { year, beginDate, suggestion: { ...s, assistedPayer: payer } };
}
