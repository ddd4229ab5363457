// Person facts checked against the visit's dates.
// - An identity counts when its spell overlaps the visit (any day from admission to discharge):
//   a person who became 特困 during the stay is 特困 for that stay.
// - A filing (异地就医备案) counts when valid on the first day of care and its destination covers
//   the place of care (a destination '41' covers every admdvs starting with 41).
// - A special-disease qualification counts when valid on the visit's first day at that institution.
import type { DiseaseQualification, IdentitySpell, PersonContext, Visit } from './types.ts';

const overlaps = (from: string, to: string | null, begin: string, end: string) =>
  from <= end && (to === null || to >= begin);

export function identityHeld(spells: readonly IdentitySpell[], code: string, visit: Visit): boolean {
  return spells.some(
    (s) => s.code === code && overlaps(s.validFrom, s.validTo, visit.beginDate, visit.endDate),
  );
}

/** Identity codes held during the visit. */
export function identitiesHeld(person: PersonContext, visit: Visit): Set<string> {
  return new Set(
    person.identities
      .filter((s) => overlaps(s.validFrom, s.validTo, visit.beginDate, visit.endDate))
      .map((s) => s.code),
  );
}

export function hasFiling(person: PersonContext, visit: Visit): boolean {
  const on = visit.beginDate;
  const place = visit.institutionAdmdvs ?? null;
  return person.filings.some(
    (f) =>
      f.beginDate <= on &&
      (f.endDate === null || f.endDate >= on) &&
      (place === null || place.startsWith(f.destination)),
  );
}

/** Out-of-area care without a filing and not an emergency: the ratio is lowered. */
export function outOfAreaReduced(person: PersonContext, visit: Visit): boolean {
  return visit.outOfArea && !visit.emergency && !hasFiling(person, visit);
}

export function validQualifications(person: PersonContext, visit: Visit): DiseaseQualification[] {
  const on = visit.beginDate;
  return person.diseaseQualifications.filter(
    (q) =>
      q.validFrom <= on &&
      (q.validTo === null || q.validTo >= on) &&
      q.institutionCodes.includes(visit.institutionCode),
  );
}
