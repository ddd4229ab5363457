// When a registry change needs the second post whatever the catalogue says (一事两岗两审 for money
// and closed years): an enrollment correction of a past year or one that lowers any amount, and a
// stop of a past year's enrollment. A newborn is covered from the birth date when born in the year of
// registration; anyone else from the day the registration is completed.

export interface Amounts {
  personalFen: number;
  fiscalFen: number;
  assistedFen: number;
}

export function correctionNeedsReview(
  before: Amounts & { beginDate: string },
  after: Amounts & { beginDate: string },
  today: string,
): boolean {
  const year = today.slice(0, 4);
  if (before.beginDate.slice(0, 4) < year || after.beginDate.slice(0, 4) < year) return true;
  return (
    after.personalFen < before.personalFen ||
    after.fiscalFen < before.fiscalFen ||
    after.assistedFen < before.assistedFen
  );
}

export const stopNeedsReview = (beginDate: string, today: string): boolean =>
  beginDate.slice(0, 4) < today.slice(0, 4);

export const coverageStart = (birthDate: string, today: string): string =>
  birthDate.slice(0, 4) === today.slice(0, 4) ? birthDate : today;
