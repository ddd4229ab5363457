// Explanation steps exactly as the demo county stores them with a settlement (copied from
// GET /api/settlement/settlements/:setlId), for the step → sentence tests.
import type { ExplanationStep } from './types.ts';

// ST41092600000000000117: employee, 二级 county hospital, first admission (stored JSON)
export const STORED_INPATIENT: ExplanationStep[] = [
  {
    note: '本次医疗费用总额 27,127.05 元。',
    rule: 'TOTAL',
    title: '医疗费用总额',
    baseFen: 2712705,
    ratioBp: null,
    amountFen: 2712705,
  },
  {
    note: '丙类、目录外或不符合限定条件的费用 3,581.91 元全部自费。',
    rule: 'FULLY_SELF_PAID',
    title: '全自费',
    baseFen: 2712705,
    ratioBp: null,
    amountFen: 358191,
  },
  {
    note: '单价超过医保支付标准的部分 9,856.27 元由个人自付。',
    rule: 'OVER_PRICE_CAP',
    title: '超限价自费',
    baseFen: 2712705,
    ratioBp: null,
    amountFen: 985627,
  },
  {
    note: '乙类项目先行自付 905.07 元。',
    rule: 'CLASS_B_FIRST_SHARE',
    title: '乙类先行自付',
    baseFen: 2712705,
    ratioBp: null,
    amountFen: 90507,
  },
  {
    note: '其余 12,783.80 元为政策范围内费用，进入报销计算。',
    rule: 'IN_SCOPE',
    title: '政策范围内费用',
    baseFen: 2712705,
    ratioBp: null,
    amountFen: 1278380,
  },
  {
    note: '本年第 1 次住院，二级医院起付线 400.00 元，由个人负担。',
    rule: 'DEDUCTIBLE',
    title: '起付线',
    baseFen: 40000,
    ratioBp: null,
    amountFen: 40000,
  },
  {
    note: '政策范围内费用扣除起付线后 12,383.80 元，按二级医院报销比例 90% 支付 11,145.42 元。',
    rule: 'BASIC_FUND',
    title: '统筹基金支付',
    baseFen: 1238380,
    ratioBp: 9000,
    amountFen: 1114542,
  },
  {
    note: '医疗费用 27,127.05 元，各项基金共支付 11,145.42 元，个人负担 15,981.63 元。',
    rule: 'SUMMARY',
    title: '结算结果',
    baseFen: 2712705,
    ratioBp: null,
    amountFen: 1114542,
  },
];

// a general outpatient visit at a village clinic (stored JSON): no deductible
export const STORED_OUTPATIENT: ExplanationStep[] = [
  {
    note: '本次医疗费用总额 286.41 元。',
    rule: 'TOTAL',
    title: '医疗费用总额',
    baseFen: 28641,
    ratioBp: null,
    amountFen: 28641,
  },
  {
    note: '其余 91.10 元为政策范围内费用，进入报销计算。',
    rule: 'IN_SCOPE',
    title: '政策范围内费用',
    baseFen: 28641,
    ratioBp: null,
    amountFen: 9110,
  },
  {
    note: '普通门诊统筹（每次）不设起付线。',
    rule: 'DEDUCTIBLE',
    title: '起付线',
    baseFen: 0,
    ratioBp: null,
    amountFen: 0,
  },
  {
    note: '政策范围内费用扣除起付线后 91.10 元，按普通门诊统筹报销比例 60% 支付 54.66 元。',
    rule: 'BASIC_FUND',
    title: '统筹基金支付',
    baseFen: 9110,
    ratioBp: 6000,
    amountFen: 5466,
  },
];
