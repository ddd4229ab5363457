// Demo policies: the resident policy (390) exactly as docs/domain benefit-rules.md states it —
// the worked examples E1–E6 run against it — and a plausible employee policy (310). Both carry
// a few special outpatient diseases. 大病 tilt identities: 特困 tekun, 低保 dibao, and 返贫致贫
// persons, who are recorded as 防返贫监测对象 jiance in the registry.
import type { ContributionStandard, Policy, SpecialDisease } from './policy.ts';

const Y = 100; // fen per yuan, so figures below read as in the policy text

function specialDiseases(employee: boolean): SpecialDisease[] {
  const up = employee ? 1000 : 0; // employees: ten points more
  return [
    {
      code: 'I10',
      name: '高血压',
      icdPrefixes: ['I10', 'I11', 'I12', 'I13', 'I15'],
      deductibleFen: 0,
      ratioBp: 6000 + up,
      annualLimitFen: 1_500 * Y,
    },
    {
      code: 'E11',
      name: '糖尿病',
      icdPrefixes: ['E10', 'E11', 'E12', 'E13', 'E14'],
      deductibleFen: 0,
      ratioBp: 6000 + up,
      annualLimitFen: 2_000 * Y,
    },
    {
      code: 'N18',
      name: '尿毒症透析',
      icdPrefixes: ['N18', 'N19', 'Z49'],
      deductibleFen: 0,
      ratioBp: 8000 + up,
      annualLimitFen: 60_000 * Y,
    },
    {
      code: 'C',
      name: '恶性肿瘤放化疗',
      icdPrefixes: ['C', 'Z51'],
      deductibleFen: 500 * Y,
      ratioBp: 7000 + up,
      annualLimitFen: 80_000 * Y,
    },
  ];
}

const assistance: Policy['assistance'] = {
  appliesTo: ['inpatient', 'special_disease'],
  schemes: [
    { identity: 'tekun', name: '特困', deductibleFen: 0, ratioBp: 9000, annualCapFen: 60_000 * Y },
    { identity: 'dibao', name: '低保', deductibleFen: 0, ratioBp: 7000, annualCapFen: 50_000 * Y },
    {
      identity: 'jiance',
      name: '监测对象',
      deductibleFen: 1_000 * Y,
      ratioBp: 6000,
      annualCapFen: 40_000 * Y,
    },
  ],
};

/**
 * The demo county's resident contribution standard (筹资标准) of a year: 2025 380 + 670 元,
 * from 2026 400 + 700 元; 资助参保 pays all of the personal part for 特困 and orphans, 200 元 for
 * 低保, 脱贫, 监测对象, 重度残疾 and 优抚, 100 元 for 低保边缘. The demo enrollments follow it.
 */
export function demoContribution(year: number): ContributionStandard {
  const [personal, fiscal] = year <= 2025 ? [380, 670] : [400, 700];
  return {
    personalFen: personal * Y,
    fiscalFen: fiscal * Y,
    subsidies: [
      { identity: 'tekun', assistedFen: null },
      { identity: 'gueryouer', assistedFen: null },
      { identity: 'dibao', assistedFen: 200 * Y },
      { identity: 'tuopin', assistedFen: 200 * Y },
      { identity: 'jiance', assistedFen: 200 * Y },
      { identity: 'zhongcan', assistedFen: 200 * Y },
      { identity: 'youfu', assistedFen: 200 * Y },
      { identity: 'dibao_bianyuan', assistedFen: 100 * Y },
    ],
  };
}

export function demoResidentPolicy(admdvs: string, year: number): Policy {
  return {
    admdvs,
    year,
    insutype: '390',
    version: `${year}-demo-1`,
    name: `${year} 年城乡居民基本医疗保险待遇政策（演示）`,
    effectiveFrom: `${year}-01-01`,
    effectiveTo: `${year}-12-31`,
    classBFirstShareBp: 1000,
    outOfAreaReductionBp: 1500,
    basicFundAnnualCapFen: 150_000 * Y,
    inpatient: {
      deductibleFen: { '1': 200 * Y, '2': 500 * Y, '3': 1_000 * Y },
      laterAdmissionFactorBp: 5000,
      ratioBp: { '1': 9000, '2': 8000, '3': 6500 },
    },
    outpatient: {
      careTypes: ['11', '12', '13'],
      levels: [1],
      deductibleFen: 0,
      deductibleBasis: 'visit',
      ratioBp: 6000,
      annualCapFen: 400 * Y,
    },
    specialDiseases: specialDiseases(false),
    criticalIllness: {
      appliesTo: ['inpatient', 'special_disease'],
      deductibleFen: 15_000 * Y,
      tiers: [
        { upToFen: 50_000 * Y, ratioBp: 6000 },
        { upToFen: 100_000 * Y, ratioBp: 7000 },
        { upToFen: null, ratioBp: 8000 },
      ],
      annualCapFen: 400_000 * Y,
      tilt: {
        identities: ['tekun', 'dibao', 'jiance'],
        deductibleFactorBp: 5000,
        tierBonusBp: 500,
        capRemoved: true,
      },
    },
    assistance,
    personalAccount: false,
    contribution: demoContribution(year),
  };
}

export function demoEmployeePolicy(admdvs: string, year: number): Policy {
  return {
    admdvs,
    year,
    insutype: '310',
    version: `${year}-demo-1`,
    name: `${year} 年职工基本医疗保险待遇政策（演示）`,
    effectiveFrom: `${year}-01-01`,
    effectiveTo: `${year}-12-31`,
    classBFirstShareBp: 1000,
    outOfAreaReductionBp: 1000,
    basicFundAnnualCapFen: 300_000 * Y,
    inpatient: {
      deductibleFen: { '1': 150 * Y, '2': 400 * Y, '3': 800 * Y },
      laterAdmissionFactorBp: 5000,
      ratioBp: { '1': 9500, '2': 9000, '3': 8500 },
    },
    outpatient: {
      careTypes: ['11', '12', '13'],
      levels: [1, 2],
      deductibleFen: 200 * Y,
      deductibleBasis: 'year',
      ratioBp: 6000,
      annualCapFen: 2_000 * Y,
    },
    specialDiseases: specialDiseases(true),
    // the employee large-amount subsidy (大额) arrives with its own issue
    criticalIllness: null,
    assistance,
    personalAccount: true,
  };
}

export function demoPolicies(admdvs: string, year: number): Policy[] {
  return [demoResidentPolicy(admdvs, year), demoEmployeePolicy(admdvs, year)];
}
