// The demo county's people, household by household: valid and unique resident ID numbers of the
// county (gender from the sequence digit), names that fit the birth decade, mobile numbers for
// most adults, and one file per household (一户一档) with its head and relations.
import { makeIdNumber } from '../registry/id-number.ts';
import { birthDateForAge, maxDate, randomDate, yearOf } from './dates.ts';
import { householdMembers, type Relation } from './households.ts';
import { pickGivenName, pickSurname } from './names.ts';
import type { DemoPlaces } from './places.ts';
import type { Random } from './random.ts';

export type PersonStatus = 'normal' | 'deceased' | 'imprisoned' | 'moved_out';

export interface DemoHousehold {
  householdNo: string;
  villageCode: string;
  address: string;
  /** when the household file was opened */
  since: string;
}

export interface DemoPerson {
  psnNo: string;
  certno: string;
  name: string;
  gender: '1' | '2';
  birthDate: string;
  phone: string | null;
  villageCode: string;
  householdNo: string;
  relation: Relation;
  /** when the person joined the household (its opening, or birth) */
  memberFrom: string;
  status: PersonStatus;
  statusDate: string | null;
  deathDate: string | null;
}

const MOBILE_PREFIXES =
  '130 131 132 133 134 135 136 137 138 139 150 151 152 155 156 157 158 159 166 176 177 180 181 182 183 185 186 187 188 189 198 199'.split(
    ' ',
  );

function phoneFor(r: Random, age: number): string | null {
  const share = age < 16 ? 0 : age <= 80 ? 0.92 : 0.45;
  if (!r.chance(share)) return null;
  return `${r.pick(MOBILE_PREFIXES)}${String(r.int(0, 99_999_999)).padStart(8, '0')}`;
}

export const psnNoFor = (admdvs: string, serial: number) => `${admdvs}${String(serial).padStart(10, '0')}`;

/** A unique resident ID for the county whose sequence digit carries the gender (odd = male). */
function uniqueIdNumber(
  r: Random,
  used: Set<string>,
  admdvs: string,
  birthDate: string,
  gender: '1' | '2',
): string {
  for (;;) {
    const id = makeIdNumber(admdvs, birthDate, r.int(0, 499) * 2 + (gender === '1' ? 1 : 0));
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function addressOf(r: Random, township: string, village: { name: string; community: boolean }): string {
  return village.community
    ? `${township}${village.name}${r.int(1, 28)}号院${r.int(1, 6)}单元`
    : `${township}${village.name}${r.int(1, 12)}组${r.int(1, 99)}号`;
}

export function buildPopulation(
  r: Random,
  places: DemoPlaces,
  count: number,
  today: string,
): { households: DemoHousehold[]; persons: DemoPerson[] } {
  const townshipName = new Map(places.townships.map((t) => [t.code, t.name]));
  const weights = places.villages.map((v) => v.weight);
  const perVillage = new Map<string, number>();
  const usedIds = new Set<string>();
  const households: DemoHousehold[] = [];
  const persons: DemoPerson[] = [];

  while (persons.length < count) {
    const village = places.villages[r.weightedIndex(weights)];
    const k = (perVillage.get(village.code) ?? 0) + 1;
    perVillage.set(village.code, k);
    const household: DemoHousehold = {
      householdNo: `${village.code}${String(k).padStart(4, '0')}`,
      villageCode: village.code,
      address: addressOf(r, townshipName.get(village.townshipCode)!, village),
      since: randomDate(r, '2008-01-01', '2020-12-31'),
    };
    households.push(household);

    const specs = householdMembers(r, count - persons.length);
    const headSurname = pickSurname(r);
    // children carry their father's surname: the head's, or the husband's of a woman head
    const husband = specs[0].gender === '2' && specs.some((s) => s.relation === '配偶');
    const childSurname = husband ? pickSurname(r) : headSurname;
    for (const spec of specs) {
      const birthDate = birthDateForAge(r, spec.age, today);
      const surname =
        spec.surname === 'head'
          ? headSurname
          : spec.surname === 'child' || (husband && spec.relation === '配偶')
            ? childSurname
            : pickSurname(r);
      persons.push({
        psnNo: psnNoFor(places.admdvs, persons.length + 1),
        certno: uniqueIdNumber(r, usedIds, places.admdvs, birthDate, spec.gender),
        name: surname + pickGivenName(r, spec.gender, yearOf(birthDate)),
        gender: spec.gender,
        birthDate,
        phone: phoneFor(r, spec.age),
        villageCode: village.code,
        householdNo: household.householdNo,
        relation: spec.relation,
        memberFrom: maxDate(household.since, birthDate),
        status: 'normal',
        statusDate: null,
        deathDate: null,
      });
    }
  }
  return { households, persons };
}
