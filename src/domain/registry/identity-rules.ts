// Identity spells (特殊人员身份): a person holds an identity from valid_from to valid_to inclusive
// (open while valid_to is null). Two spells of the same identity may not overlap — the department
// certifies one continuous status, so a re-certification after a gap is a new spell, never a second
// concurrent one. Spells are ended, never deleted, so who was 低保 on which day stays answerable.
import { type AppError, badRequest, conflict } from '../shared/errors.ts';
import { isIsoDate, periodsOverlap } from './enrollment-rules.ts';

export interface Spell {
  id: number;
  code: string;
  validFrom: string;
  validTo: string | null;
}

const OPEN = '9999-12-31';

export function checkNewSpell(
  spell: { code: string; validFrom: string; validTo: string | null },
  existing: readonly Spell[],
  excludeId?: number,
): AppError | null {
  if (!isIsoDate(spell.validFrom)) {
    return badRequest('PERIOD_INVALID', `身份起始日期 ${spell.validFrom} 不是有效日期`, {
      field: 'validFrom',
    });
  }
  if (spell.validTo !== null && (!isIsoDate(spell.validTo) || spell.validTo < spell.validFrom)) {
    return badRequest('PERIOD_INVALID', `身份终止日期 ${spell.validTo} 早于起始日期 ${spell.validFrom}`, {
      field: 'validTo',
    });
  }
  const clash = existing.find(
    (e) =>
      e.id !== excludeId &&
      e.code === spell.code &&
      periodsOverlap(e.validFrom, e.validTo ?? OPEN, spell.validFrom, spell.validTo ?? OPEN),
  );
  if (clash) {
    return conflict(
      'IDENTITY_OVERLAP',
      `与已有的同类身份期间（${clash.validFrom} 至 ${clash.validTo ?? '至今'}）重叠`,
      { field: 'validFrom', existingId: clash.id },
    );
  }
  return null;
}

/** Ending a spell: the end date must be on or after its start, and an ended spell stays ended. */
export function checkEndSpell(spell: Spell, validTo: string): AppError | null {
  if (spell.validTo !== null) {
    return conflict('IDENTITY_ALREADY_ENDED', `该身份已于 ${spell.validTo} 终止`, { field: 'validTo' });
  }
  if (!isIsoDate(validTo) || validTo < spell.validFrom) {
    return badRequest('PERIOD_INVALID', `终止日期 ${validTo} 早于身份起始日期 ${spell.validFrom}`, {
      field: 'validTo',
    });
  }
  return null;
}

/** Codes of the spells open on a day. */
export function openOn(spells: readonly Omit<Spell, 'id'>[], day: string): string[] {
  return [
    ...new Set(spells.filter((s) => s.validFrom <= day && (s.validTo ?? OPEN) >= day).map((s) => s.code)),
  ].sort();
}
