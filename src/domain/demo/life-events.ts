// What happened to the county's people in the last two years: deaths (about 0.6 % a year, mostly
// the old), a few imprisonments and moves out of the county. Each event sets the person's status,
// leaves a status-history row, and updates the household file: the dead and the departed leave
// their household, and when a head dies the spouse (or the oldest member) becomes head.
import { ageOn } from '../registry/id-number.ts';
import { addDays, daysBetween, maxDate, randomDate, yearOf } from './dates.ts';
import type { Relation } from './households.ts';
import type { DemoPerson, PersonStatus } from './population.ts';
import { type Random, sampleWeighted } from './random.ts';

export interface DemoMembership {
  householdNo: string;
  psnNo: string;
  relation: Relation;
  fromDate: string;
  toDate: string | null;
}

export interface DemoStatusChange {
  psnNo: string;
  status: PersonStatus;
  effectiveDate: string;
  source: string;
  note: string | null;
}

export const ANNUAL_DEATH_RATE = 0.006;

function deathWeight(age: number): number {
  if (age < 1) return 0;
  if (age < 40) return 0.02;
  if (age < 60) return 0.2;
  if (age < 70) return 1;
  if (age < 80) return 3;
  return 8;
}

const DESTINATIONS = [
  '郑州市',
  '濮阳市',
  '新乡市',
  '安阳市',
  '北京市',
  '上海市',
  '广东省深圳市',
  '浙江省杭州市',
];

interface Event {
  person: DemoPerson;
  status: PersonStatus;
  date: string;
}

/**
 * Draws the events and applies them to `persons` (their status fields are set in place);
 * returns the household memberships with their history and the status-change rows.
 */
export function applyLifeEvents(
  r: Random,
  persons: DemoPerson[],
  today: string,
): { memberships: DemoMembership[]; statusChanges: DemoStatusChange[] } {
  const year = yearOf(today);
  const lastYear = year - 1;
  const yesterday = addDays(today, -1);
  const n = persons.length;
  const age = (p: DemoPerson) => ageOn(p.birthDate, today);
  const events: Event[] = [];

  const deathsLastYear = Math.max(1, Math.round(ANNUAL_DEATH_RATE * n));
  const deathsThisYear = Math.max(
    1,
    Math.round((ANNUAL_DEATH_RATE * n * daysBetween(`${year}-01-01`, today)) / 365),
  );
  const dying = r.shuffle(
    sampleWeighted(r, persons, (p) => deathWeight(age(p)), deathsLastYear + deathsThisYear),
  );
  dying.forEach((p, i) => {
    const y = i < deathsLastYear ? lastYear : year;
    const from = maxDate(`${y}-01-01`, p.birthDate);
    const to = y === year ? yesterday : `${y}-12-31`;
    if (from <= to) events.push({ person: p, status: 'deceased', date: randomDate(r, from, to) });
  });
  const taken = new Set(events.map((e) => e.person.psnNo));

  const imprisoned = sampleWeighted(
    r,
    persons,
    (p) => (!taken.has(p.psnNo) && age(p) >= 20 && age(p) <= 50 ? (p.gender === '1' ? 9 : 1) : 0),
    Math.max(1, Math.round(0.0005 * n)),
  );
  for (const p of imprisoned) {
    taken.add(p.psnNo);
    events.push({ person: p, status: 'imprisoned', date: randomDate(r, `${lastYear}-01-01`, yesterday) });
  }
  const movers = sampleWeighted(
    r,
    persons,
    (p) => (!taken.has(p.psnNo) && p.relation !== '户主' && age(p) >= 18 && age(p) <= 45 ? 1 : 0),
    Math.max(1, Math.round(0.003 * n)),
  );
  for (const p of movers) {
    events.push({
      person: p,
      status: 'moved_out',
      date: randomDate(r, maxDate(`${lastYear}-03-01`, p.memberFrom), yesterday),
    });
  }

  events.sort((a, b) => a.date.localeCompare(b.date) || a.person.psnNo.localeCompare(b.person.psnNo));
  const memberships: DemoMembership[] = persons.map((p) => ({
    householdNo: p.householdNo,
    psnNo: p.psnNo,
    relation: p.relation,
    fromDate: p.memberFrom,
    toDate: null,
  }));
  const current = new Map(memberships.map((m) => [m.psnNo, m]));
  const byHousehold = new Map<string, DemoMembership[]>();
  for (const m of memberships) byHousehold.set(m.householdNo, [...(byHousehold.get(m.householdNo) ?? []), m]);
  const birthOf = new Map(persons.map((p) => [p.psnNo, p.birthDate]));
  const statusChanges: DemoStatusChange[] = [];

  for (const e of events) {
    const p = e.person;
    p.status = e.status;
    p.statusDate = e.date;
    if (e.status === 'deceased') p.deathDate = e.date;
    statusChanges.push({
      psnNo: p.psnNo,
      status: e.status,
      effectiveDate: e.date,
      ...(e.status === 'deceased'
        ? { source: r.pick(['公安户籍注销', '民政殡葬数据', '卫健死亡医学证明']), note: null }
        : e.status === 'imprisoned'
          ? { source: '公安推送', note: '在押服刑' }
          : { source: '户籍迁出', note: `迁往${r.pick(DESTINATIONS)}` }),
    });
    if (e.status === 'imprisoned') continue;
    const row = current.get(p.psnNo);
    if (!row) continue;
    row.toDate = e.date;
    current.delete(p.psnNo);
    if (row.relation !== '户主') continue;
    // the household needs a new head: the spouse, else the oldest member already in it
    const rest = (byHousehold.get(row.householdNo) ?? []).filter(
      (m) => m.toDate === null && current.get(m.psnNo) === m && m.fromDate <= e.date,
    );
    const successor =
      rest.find((m) => m.relation === '配偶') ??
      [...rest].sort((a, b) => birthOf.get(a.psnNo)!.localeCompare(birthOf.get(b.psnNo)!))[0];
    if (!successor) continue;
    successor.toDate = e.date;
    const head: DemoMembership = { ...successor, relation: '户主', fromDate: e.date, toDate: null };
    memberships.push(head);
    current.set(head.psnNo, head);
    byHousehold.get(row.householdNo)!.push(head);
  }
  return { memberships, statusChanges };
}
