// Household shapes of a rural county (一户一档): old people alone or in couples, nuclear families,
// three generations under one roof, and grandparents raising left-behind grandchildren while the
// parents work in the cities. The mix is what gives the county its age pyramid: many elderly,
// fewer young adults at home, a steady trickle of births.
import type { Random } from './random.ts';

export type Relation = '户主' | '配偶' | '子女' | '父母' | '其他';

export interface MemberSpec {
  relation: Relation;
  age: number;
  gender: '1' | '2';
  /** whose surname: the head's (the head, the head's father), the children's (the father's), or their own */
  surname: 'head' | 'child' | 'own';
}

const MAX_AGE = 90;
const clampAge = (a: number) => Math.max(0, Math.min(MAX_AGE, a));
const other = (g: '1' | '2'): '1' | '2' => (g === '1' ? '2' : '1');

type Template = (r: Random) => MemberSpec[];

function head(r: Random, lo: number, hi: number, maleShare: number): MemberSpec {
  return { relation: '户主', age: r.int(lo, hi), gender: r.chance(maleShare) ? '1' : '2', surname: 'head' };
}

function spouse(r: Random, h: MemberSpec): MemberSpec {
  // wives are mostly a little younger than their husbands
  const gap = h.gender === '1' ? r.int(-2, 5) : -r.int(-2, 5);
  return {
    relation: '配偶',
    age: clampAge(Math.max(20, h.age - gap)),
    gender: other(h.gender),
    surname: 'own',
  };
}

function children(r: Random, parentAge: number, n: number, relation: Relation = '子女'): MemberSpec[] {
  // born when the parent was 21 to 38; grown children past 28 have mostly left home
  const oldest = Math.max(0, Math.min(28, parentAge - 21));
  const youngest = Math.min(oldest, Math.max(0, parentAge - 38));
  return Array.from({ length: n }, () => ({
    relation,
    age: r.int(youngest, oldest),
    gender: r.chance(0.52) ? ('1' as const) : ('2' as const),
    surname: 'child' as const,
  }));
}

const TEMPLATES: readonly (readonly [Template, number])[] = [
  // an old person alone, more often a widow
  [(r) => [head(r, 62, 90, 0.4)], 13],
  // an old couple whose children have left
  [
    (r) => {
      const h = head(r, 58, 88, 0.9);
      return [h, spouse(r, h)];
    },
    19,
  ],
  // a young couple, perhaps with a baby
  [
    (r) => {
      const h = head(r, 23, 36, 0.9);
      return [h, spouse(r, h), ...children(r, 23, r.chance(0.4) ? 1 : 0)];
    },
    6,
  ],
  // a nuclear family
  [
    (r) => {
      const h = head(r, 28, 56, 0.9);
      return [
        h,
        spouse(r, h),
        ...children(
          r,
          h.age,
          r.weighted<number>([
            [1, 45],
            [2, 45],
            [3, 10],
          ]),
        ),
      ];
    },
    28,
  ],
  // three generations: the head's parents live with the family
  [
    (r) => {
      const h = head(r, 30, 52, 0.92);
      const parents: MemberSpec[] = [];
      const fatherAge = clampAge(h.age + r.int(22, 32));
      if (r.chance(0.6)) parents.push({ relation: '父母', age: fatherAge, gender: '1', surname: 'head' });
      parents.push({ relation: '父母', age: clampAge(fatherAge - r.int(0, 4)), gender: '2', surname: 'own' });
      return [h, spouse(r, h), ...children(r, h.age, r.int(1, 2)), ...parents];
    },
    18,
  ],
  // grandparents with left-behind grandchildren (and sometimes one of the parents)
  [
    (r) => {
      const h = head(r, 50, 72, 0.88);
      const members = [h];
      if (r.chance(0.85)) members.push(spouse(r, h));
      if (r.chance(0.4))
        members.push(
          ...children(r, h.age, 1).map((c) => ({ ...c, age: r.int(24, Math.max(24, h.age - 22)) })),
        );
      members.push(
        ...children(
          r,
          30,
          r.weighted<number>([
            [1, 55],
            [2, 40],
            [3, 5],
          ]),
          '其他',
        ).map((c) => ({ ...c, age: r.int(1, 15) })),
      );
      return members;
    },
    14,
  ],
  // a single adult
  [(r) => [head(r, 24, 59, 0.7)], 4],
  // a single parent
  [
    (r) => {
      const h = head(r, 28, 55, 0.4);
      return [h, ...children(r, h.age, r.int(1, 2))];
    },
    3,
  ],
];

/** One household's members, head first, at most `maxSize` (1–6) of them. */
export function householdMembers(r: Random, maxSize: number): MemberSpec[] {
  const members = r.weighted(TEMPLATES)(r);
  return members.slice(0, Math.max(1, Math.min(6, maxSize)));
}
