import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkEnrollment } from '../registry/enrollment-rules.ts';
import { ageOn, parseIdNumber } from '../registry/id-number.ts';
import { checkNewSpell } from '../registry/identity-rules.ts';
import { checkPhone } from '../registry/person-rules.ts';
import { checkCatalogueItem, checkInstitution } from '../registry/reference-rules.ts';
import { type DemoCountyOptions, buildDemoCounty } from './county.ts';
import { isDate } from './dates.ts';
import { residentStandard } from './enrollment.ts';
import { IDENTITY_TYPES } from './identities.ts';

const TODAY = '2026-11-22';
const options = (persons: number, seed = 2026): DemoCountyOptions => ({
  admdvs: '410926',
  regionName: '演示县',
  persons,
  seed,
  today: TODAY,
});
const county = buildDemoCounty(options(20_000));
const small = buildDemoCounty(options(300));
const share = (n: number, of: number) => n / of;

describe('determinism', () => {
  test('the same seed gives byte-identical data', () => {
    assert.equal(JSON.stringify(buildDemoCounty(options(300))), JSON.stringify(small));
  });
  test('another seed gives other people', () => {
    const other = buildDemoCounty(options(300, 7));
    assert.notDeepEqual(
      other.persons.map((p) => p.certno),
      small.persons.map((p) => p.certno),
    );
  });
  test('the map, institutions and catalogue do not depend on the number of persons', () => {
    assert.deepEqual(small.places, county.places);
    assert.deepEqual(small.institutions, county.institutions);
    assert.deepEqual(small.catalogue, county.catalogue);
  });
  test('a county needs at least one person', () => {
    assert.throws(() => buildDemoCounty(options(0)), RangeError);
  });
});

describe('places', () => {
  test('twelve townships and about 200 villages with hierarchical codes', () => {
    const { townships, villages } = county.places;
    assert.equal(townships.length, 12);
    assert.ok(villages.length >= 190 && villages.length <= 210, `${villages.length} villages`);
    for (const t of townships) assert.match(t.code, /^410926\d{3}$/);
    for (const v of villages) {
      assert.match(v.code, /^\d{12}$/);
      assert.equal(v.code.slice(0, 9), v.townshipCode);
      assert.match(v.name, /(村|社区)$/);
    }
    assert.equal(new Set(villages.map((v) => v.code)).size, villages.length);
    assert.equal(new Set(villages.map((v) => v.name)).size, villages.length);
  });
  test('the demo agent village 410926101001 is the first village of the first township', () => {
    assert.equal(county.places.villages[0].code, '410926101001');
    assert.equal(county.places.villages[0].townshipCode, county.places.townships[0].code);
  });
});

describe('persons', () => {
  test('exactly the number asked for, with sequential person numbers', () => {
    assert.equal(county.persons.length, 20_000);
    assert.equal(small.persons.length, 300);
    county.persons.forEach((p, i) => {
      assert.equal(p.psnNo, `410926${String(i + 1).padStart(10, '0')}`);
    });
  });
  test('every ID number is valid, of the county, unique, and agrees with birth date and gender', () => {
    const seen = new Set<string>();
    for (const p of county.persons) {
      const info = parseIdNumber(p.certno, TODAY);
      assert.ok(!('code' in info), `${p.certno}: ${'message' in info ? info.message : ''}`);
      assert.equal(info.regionCode, '410926');
      assert.equal(info.birthDate, p.birthDate);
      assert.equal(info.gender, p.gender);
      assert.ok(!seen.has(p.certno), `duplicate ${p.certno}`);
      seen.add(p.certno);
    }
  });
  test('ages run from 0 to 90 with the elderly weight of a rural county', () => {
    const ages = county.persons.map((p) => ageOn(p.birthDate, TODAY));
    assert.equal(Math.min(...ages), 0);
    assert.equal(Math.max(...ages), 90);
    const n = ages.length;
    const elderly = share(ages.filter((a) => a >= 60).length, n);
    const children = share(ages.filter((a) => a < 15).length, n);
    assert.ok(elderly >= 0.2 && elderly <= 0.32, `60+: ${elderly}`);
    assert.ok(children >= 0.14 && children <= 0.25, `0–14: ${children}`);
    const men = share(county.persons.filter((p) => p.gender === '1').length, n);
    assert.ok(men > 0.46 && men < 0.54, `men: ${men}`);
  });
  test('names are two or three Chinese characters and most adults have a mobile number', () => {
    for (const p of county.persons) assert.match(p.name, /^[\u4e00-\u9fa5]{2,3}$/);
    const adults = county.persons.filter(
      (p) => ageOn(p.birthDate, TODAY) >= 18 && ageOn(p.birthDate, TODAY) <= 80,
    );
    const withPhone = share(adults.filter((p) => p.phone !== null).length, adults.length);
    assert.ok(withPhone > 0.85, `${withPhone}`);
    for (const p of county.persons) if (p.phone) assert.match(p.phone, /^1[3-9]\d{9}$/);
    for (const p of county.persons.filter((x) => ageOn(x.birthDate, TODAY) < 16)) assert.equal(p.phone, null);
  });
});

describe('households', () => {
  test('every household has 1–6 members, a head first, and lives in a village of the county', () => {
    const villages = new Set(county.places.villages.map((v) => v.code));
    const members = new Map<string, typeof county.persons>();
    for (const p of county.persons) members.set(p.householdNo, [...(members.get(p.householdNo) ?? []), p]);
    assert.equal(members.size, county.households.length);
    for (const h of county.households) {
      const m = members.get(h.householdNo)!;
      assert.ok(m.length >= 1 && m.length <= 6, `${h.householdNo}: ${m.length}`);
      assert.equal(m[0].relation, '户主');
      assert.equal(m.filter((p) => p.relation === '户主').length, 1);
      assert.ok(villages.has(h.villageCode));
      assert.ok(h.householdNo.startsWith(h.villageCode));
      for (const p of m) assert.equal(p.villageCode, h.villageCode);
    }
  });
  test('memberships: one current row per person still in a household, one current head per household', () => {
    const current = county.memberships.filter((m) => m.toDate === null);
    const byPerson = new Map<string, number>();
    for (const m of current) byPerson.set(m.psnNo, (byPerson.get(m.psnNo) ?? 0) + 1);
    assert.ok([...byPerson.values()].every((n) => n === 1));
    const heads = new Map<string, number>();
    for (const m of current.filter((x) => x.relation === '户主'))
      heads.set(m.householdNo, (heads.get(m.householdNo) ?? 0) + 1);
    assert.ok([...heads.values()].every((n) => n === 1));
    for (const m of county.memberships) if (m.toDate !== null) assert.ok(m.toDate >= m.fromDate);
    const gone = county.persons.filter((p) => p.status === 'deceased' || p.status === 'moved_out');
    for (const p of gone) assert.ok(!byPerson.has(p.psnNo), `${p.psnNo} ${p.status} still a current member`);
    // households whose head died and someone remains have a new head
    const withMembers = new Set(current.map((m) => m.householdNo));
    for (const h of withMembers) assert.equal(heads.get(h), 1, `household ${h} without a current head`);
    assert.ok(
      county.memberships.some((m) => m.relation === '户主' && m.fromDate > '2025-01-01'),
      'a succession happened',
    );
  });
});

describe('life events', () => {
  test('about 0.6 % die a year, with a status-history row each; nobody dies before birth or after today', () => {
    const dead = county.persons.filter((p) => p.status === 'deceased');
    const lastYear = dead.filter((p) => p.deathDate!.startsWith('2025')).length;
    const thisYear = dead.filter((p) => p.deathDate!.startsWith('2026')).length;
    assert.equal(lastYear, 120);
    assert.ok(thisYear >= 100 && thisYear <= 110, `${thisYear}`);
    for (const p of dead) {
      assert.ok(p.deathDate! >= p.birthDate && p.deathDate! < TODAY);
      assert.equal(p.statusDate, p.deathDate);
    }
    const changes = new Map(county.statusChanges.map((s) => [s.psnNo, s]));
    for (const p of county.persons.filter((x) => x.status !== 'normal')) {
      assert.equal(changes.get(p.psnNo)?.status, p.status);
      assert.equal(changes.get(p.psnNo)?.effectiveDate, p.statusDate);
    }
    assert.ok(county.persons.some((p) => p.status === 'imprisoned'));
    assert.ok(county.persons.some((p) => p.status === 'moved_out'));
    assert.ok(small.persons.some((p) => p.status === 'deceased'));
  });
});

describe('identities', () => {
  test('about 4 % of the people carry a special identity, with department and valid dates', () => {
    const holders = new Set(county.identities.map((i) => i.psnNo));
    const s = share(holders.size, county.persons.length);
    assert.ok(s >= 0.03 && s <= 0.05, `identity share ${s}`);
    const byPerson = new Map(county.persons.map((p) => [p.psnNo, p]));
    for (const i of county.identities) {
      assert.equal(i.sourceDept, IDENTITY_TYPES[i.code].department);
      assert.ok(isDate(i.validFrom) && i.validFrom < TODAY);
      assert.ok(i.validTo === null || (i.validTo >= i.validFrom && i.endReason));
      const p = byPerson.get(i.psnNo)!;
      assert.ok(i.validFrom >= p.birthDate);
      if (p.status === 'deceased' || p.status === 'imprisoned') {
        assert.ok(i.validTo !== null && i.validTo <= p.statusDate!);
      }
    }
    for (const code of ['tekun', 'dibao', 'tuopin', 'jiance', 'dibao_bianyuan', 'zhongcan']) {
      assert.ok(
        county.identities.some((i) => i.code === code && i.validTo === null),
        `${code} open`,
      );
    }
    assert.ok(
      county.identities.some((i) => i.validTo !== null && i.endReason !== '死亡'),
      'some spells ended for history',
    );
  });
});

describe('enrollment', () => {
  const persons = new Map(county.persons.map((p) => [p.psnNo, p]));
  const spells = new Map<string, typeof county.identities>();
  for (const i of county.identities) spells.set(i.psnNo, [...(spells.get(i.psnNo) ?? []), i]);

  test('no overlapping periods per person and scheme, none beginning after death, stopped on death', () => {
    const periods = new Map<string, { b: string; e: string }[]>();
    for (const e of county.enrollments) {
      const key = `${e.psnNo}|${e.insutype}`;
      for (const o of periods.get(key) ?? [])
        assert.ok(e.beginDate > o.e || e.endDate < o.b, `overlap ${key}`);
      periods.set(key, [...(periods.get(key) ?? []), { b: e.beginDate, e: e.endDate }]);
      const p = persons.get(e.psnNo)!;
      assert.ok(e.beginDate >= p.birthDate);
      if (p.deathDate) assert.ok(e.beginDate <= p.deathDate, `${e.psnNo} enrolled after death`);
      // as the registry's status change: death and imprisonment stop the periods running past them
      if (p.status === 'deceased' || p.status === 'imprisoned') {
        assert.ok(e.beginDate <= p.statusDate!, `${e.psnNo} enrolled after ${p.status}`);
        if (e.endDate >= p.statusDate!) assert.equal(e.stoppedOn, p.statusDate);
      }
      if (e.status === 'stopped') assert.ok(e.stoppedOn! >= e.beginDate && e.stopReason);
    }
  });
  test('subsidies only with a subsidising identity valid on the begin date; contributions add up', () => {
    let subsidised = 0;
    for (const e of county.enrollments) {
      if (e.insutype === '390') {
        const std = residentStandard(Number(e.beginDate.slice(0, 4)));
        assert.equal(e.personalFen + e.assistedFen, std.personalFen);
        assert.equal(e.fiscalFen, std.fiscalFen);
      } else {
        assert.ok(e.employerCode && e.employerName && e.assistedFen === 0 && e.fiscalFen === 0);
      }
      if (e.assistedFen === 0) {
        assert.equal(e.assistedIdentity, null);
        continue;
      }
      subsidised += 1;
      assert.ok(IDENTITY_TYPES[e.assistedIdentity!].subsidises);
      assert.equal(e.assistedPayer, IDENTITY_TYPES[e.assistedIdentity!].department);
      const ok = (spells.get(e.psnNo) ?? []).some(
        (i) =>
          i.code === e.assistedIdentity &&
          i.validFrom <= e.beginDate &&
          (i.validTo === null || i.validTo >= e.beginDate),
      );
      assert.ok(ok, `${e.psnNo} subsidised by ${e.assistedIdentity} without the identity`);
    }
    assert.ok(subsidised > 500, `${subsidised} subsidised enrollments`);
    assert.ok(county.enrollments.some((e) => e.assistedIdentity === 'tekun' && e.personalFen === 0));
  });
  test('about 15 % employees and 99 % of the others in the resident scheme this year', () => {
    const y = county.enrollments.filter((e) => e.beginDate.startsWith('2026'));
    const employees = new Set(y.filter((e) => e.insutype === '310').map((e) => e.psnNo));
    const residents = new Set(y.filter((e) => e.insutype === '390').map((e) => e.psnNo));
    const es = share(employees.size, county.persons.length);
    assert.ok(es > 0.13 && es < 0.17, `employees ${es}`);
    // present at the start of the year (or born in it) and not employees
    const eligible = county.persons.filter(
      (p) => !employees.has(p.psnNo) && (p.status === 'normal' || p.statusDate! >= '2026-01-01'),
    );
    const rate = share(eligible.filter((p) => residents.has(p.psnNo)).length, eligible.length);
    assert.ok(rate > 0.98 && rate < 0.997, `resident rate ${rate}`);
    assert.ok(
      county.enrollments.some((e) => e.beginDate.startsWith('2025')),
      'last year too',
    );
  });
  test('targets per township and year put the 参保率 between about 97 % and 100.5 %', () => {
    const township = new Map(county.persons.map((p) => [p.psnNo, p.villageCode.slice(0, 9)]));
    for (const year of [2025, 2026]) {
      // insured as the registry's progress counts them: an active 390 or 310 period in the year
      const insured = new Map<string, Set<string>>();
      for (const e of county.enrollments.filter(
        (x) => x.status === 'active' && x.beginDate.startsWith(String(year)),
      )) {
        const t = township.get(e.psnNo)!;
        insured.set(t, (insured.get(t) ?? new Set()).add(e.psnNo));
      }
      const targets = county.targets.filter((t) => t.year === year);
      assert.equal(targets.length, 12);
      const rates = targets.map((t) => insured.get(t.townshipCode)!.size / t.target);
      for (const r of rates) assert.ok(r > 0.965 && r < 1.007, `rate ${r}`);
      assert.ok(Math.max(...rates) - Math.min(...rates) > 0.01, 'rates vary');
    }
  });
});

describe('institutions', () => {
  test('two county hospitals, a health centre per township, 100 clinics and 20 pharmacies', () => {
    const inst = county.institutions;
    const count = (k: string) => inst.filter((i) => i.kind === k).length;
    assert.equal(count('township_health_centre'), 12);
    assert.equal(count('village_clinic'), 100);
    assert.equal(count('pharmacy'), 20);
    assert.equal(inst.filter((i) => i.kind === 'hospital' && i.level === 2).length, 2);
    const villages = new Set(county.places.villages.map((v) => v.code));
    for (const i of inst) {
      assert.match(i.code, /^[HP]\d{11}$/);
      assert.equal(i.code[0], i.kind === 'pharmacy' ? 'P' : 'H');
      assert.ok(villages.has(i.villageCode));
      assert.ok(i.agreementTo >= i.agreementFrom);
      assert.equal(i.level === null, i.kind === 'pharmacy');
    }
    assert.equal(new Set(inst.map((i) => i.code)).size, inst.length);
    const hospital = inst.find((i) => i.code === 'H41092600001')!;
    assert.equal(hospital.name, '演示县人民医院');
    assert.ok(hospital.qualCrossProvince && hospital.qualSpecialOutpatient);
    assert.ok(inst.filter((i) => i.kind === 'township_health_centre').every((i) => i.qualOutpatientPooling));
  });
});

describe("the registry's own rules accept every generated row", () => {
  test('enrollments (checkEnrollment), identity spells (checkNewSpell), institutions, catalogue, phones', () => {
    const subsidising = Object.entries(IDENTITY_TYPES)
      .filter(([, t]) => t.subsidises)
      .map(([code]) => code);
    const byPerson = new Map<
      string,
      { enrollments: typeof county.enrollments; spells: typeof county.identities }
    >();
    const entry = (psnNo: string) => {
      if (!byPerson.has(psnNo)) byPerson.set(psnNo, { enrollments: [], spells: [] });
      return byPerson.get(psnNo)!;
    };
    for (const e of county.enrollments) entry(e.psnNo).enrollments.push(e);
    for (const i of county.identities) entry(i.psnNo).spells.push(i);
    for (const p of county.persons) {
      const { enrollments, spells } = entry(p.psnNo);
      const existing = enrollments.map((e, id) => ({ ...e, id }));
      existing.forEach((e) => {
        const err = checkEnrollment(
          e,
          {
            person: { status: p.status, deathDate: p.deathDate },
            existing,
            identities: spells.map((s) => ({ code: s.code, validFrom: s.validFrom, validTo: s.validTo })),
            subsidisingIdentityCodes: subsidising,
          },
          e.id,
        );
        assert.equal(err, null, `${p.psnNo} ${e.insutype} ${e.beginDate}: ${err?.message}`);
      });
      const withIds = spells.map((s, id) => ({
        id,
        code: s.code,
        validFrom: s.validFrom,
        validTo: s.validTo,
      }));
      for (const s of withIds) assert.equal(checkNewSpell(s, withIds, s.id), null, `${p.psnNo} ${s.code}`);
      if (p.phone) assert.equal(checkPhone(p.phone), p.phone);
    }
    for (const i of county.institutions) assert.equal(checkInstitution(i), null, i.code);
    for (const c of county.catalogue) assert.equal(checkCatalogueItem(c), null, c.code);
  });
});
