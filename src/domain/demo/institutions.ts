// The demo county's designated institutions (两定机构): the county people's hospital and the
// county TCM hospital (二级), a private 一级 hospital, one health centre per township, village
// clinics in about half the villages, and a score of pharmacies. Codes: H/P + county code + 5
// digits. Agreements run from last year to the end of next year; a few have lapsed or are new.
import { yearOf } from './dates.ts';
import type { DemoPlaces } from './places.ts';
import type { Random } from './random.ts';

export interface DemoInstitution {
  code: string;
  name: string;
  kind: 'hospital' | 'township_health_centre' | 'village_clinic' | 'pharmacy';
  level: 1 | 2 | 3 | null;
  villageCode: string;
  agreementFrom: string;
  agreementTo: string;
  qualSpecialOutpatient: boolean;
  qualOutpatientPooling: boolean;
  qualCrossProvince: boolean;
}

export const VILLAGE_CLINICS = 100;
export const PHARMACIES = 20;

const PHARMACY_NAMES = [
  '百姓大药房',
  '仁德堂药店',
  '同济大药房',
  '康民药店',
  '济世堂大药房',
  '惠民药店',
  '益寿堂药店',
  '健康人大药房',
  '博爱药店',
  '天一堂大药房',
  '福康药店',
  '万家乐大药房',
  '杏林药店',
  '众生大药房',
  '安康药店',
  '回春堂药店',
  '德仁大药房',
  '永安药店',
  '利民大药房',
  '寿康药店',
];

export function countyHospitalCode(admdvs: string): string {
  return `H${admdvs}00001`;
}

export function buildInstitutions(r: Random, places: DemoPlaces, today: string): DemoInstitution[] {
  const year = yearOf(today);
  const a = places.admdvs;
  const region = places.regionName;
  const seat = places.townships[0];
  const villagesOf = (t: string) => places.villages.filter((v) => v.townshipCode === t);
  const seatVillages = villagesOf(seat.code);
  const usual = { agreementFrom: `${year - 1}-01-01`, agreementTo: `${year + 1}-12-31` };
  // most agreements run on; a few lapsed mid-year, a few are new this year
  const agreement = () => {
    const x = r.next();
    if (x < 0.04) return { agreementFrom: `${year - 1}-01-01`, agreementTo: `${year}-06-30` };
    if (x < 0.08) return { agreementFrom: `${year}-07-01`, agreementTo: `${year + 1}-12-31` };
    return usual;
  };
  const out: DemoInstitution[] = [
    {
      code: countyHospitalCode(a),
      name: `${region}人民医院`,
      kind: 'hospital',
      level: 2,
      villageCode: seatVillages[0].code,
      ...usual,
      qualSpecialOutpatient: true,
      qualOutpatientPooling: true,
      qualCrossProvince: true,
    },
    {
      code: `H${a}00002`,
      name: `${region}中医院`,
      kind: 'hospital',
      level: 2,
      villageCode: seatVillages[1].code,
      ...usual,
      qualSpecialOutpatient: true,
      qualOutpatientPooling: true,
      qualCrossProvince: false,
    },
    {
      code: `H${a}00003`,
      name: `${region}仁和医院`,
      kind: 'hospital',
      level: 1,
      villageCode: seatVillages[2].code,
      ...usual,
      qualSpecialOutpatient: false,
      qualOutpatientPooling: true,
      qualCrossProvince: false,
    },
  ];
  places.townships.forEach((t, i) => {
    out.push({
      code: `H${a}${String(101 + i).padStart(5, '0')}`,
      name: `${region}${t.name}${t.name.endsWith('镇') ? '中心' : ''}卫生院`,
      kind: 'township_health_centre',
      level: 1,
      villageCode: villagesOf(t.code)[0].code,
      ...usual,
      qualSpecialOutpatient: i === 0 || r.chance(0.5),
      qualOutpatientPooling: true,
      qualCrossProvince: false,
    });
  });
  const villages = r.shuffle(places.villages.filter((v) => !v.community)).slice(0, VILLAGE_CLINICS);
  villages.sort((x, y) => x.code.localeCompare(y.code));
  const townshipName = new Map(places.townships.map((t) => [t.code, t.name]));
  villages.forEach((v, i) => {
    out.push({
      code: `H${a}${String(1001 + i).padStart(5, '0')}`,
      name: `${townshipName.get(v.townshipCode)}${v.name}卫生室`,
      kind: 'village_clinic',
      level: 1,
      villageCode: v.code,
      ...agreement(),
      qualSpecialOutpatient: false,
      qualOutpatientPooling: true,
      qualCrossProvince: false,
    });
  });
  PHARMACY_NAMES.slice(0, PHARMACIES).forEach((name, i) => {
    // half the pharmacies are in the county seat, the rest in the towns
    const v = i % 2 === 0 ? r.pick(seatVillages) : r.pick(places.villages);
    const town = townshipName.get(v.townshipCode)!;
    out.push({
      code: `P${a}${String(i + 1).padStart(5, '0')}`,
      name: `${region}${v.townshipCode === seat.code ? '' : town}${name}`,
      kind: 'pharmacy',
      level: null,
      villageCode: v.code,
      ...agreement(),
      qualSpecialOutpatient: false,
      qualOutpatientPooling: i < 8,
      qualCrossProvince: false,
    });
  });
  return out;
}
