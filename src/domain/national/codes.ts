// The national code lists Yibao speaks (医保信息业务编码 of the 定点医药机构接口): one `as const`
// list each, with its type and Chinese names. Every other file imports these — the server, the
// HIS mapping and the workbench — and declares no code type of its own.

/** 险种类型 insutype: the national list. */
export const INSUTYPE_CODES = ['310', '320', '330', '390', '392', '510'] as const;
export type Insutype = (typeof INSUTYPE_CODES)[number];
export const INSUTYPE_NAMES: Record<Insutype, string> = {
  '310': '职工基本医疗保险',
  '320': '公务员医疗补助',
  '330': '大额医疗费用补助',
  '390': '城乡居民基本医疗保险',
  '392': '城乡居民大病医疗保险',
  '510': '生育保险',
};

/** The schemes a person is enrolled in at the county (residents first: the order of pickers). */
export const ENROLLED_INSUTYPES = ['390', '310', '510'] as const satisfies readonly Insutype[];
export type EnrolledInsutype = (typeof ENROLLED_INSUTYPES)[number];

/** The schemes the settlement engine settles a visit under. */
export const SETTLED_INSUTYPES = ['310', '390'] as const satisfies readonly EnrolledInsutype[];
export type SettledInsutype = (typeof SETTLED_INSUTYPES)[number];

/** 医疗类别 med_type. */
export const MED_TYPE_CODES = ['11', '12', '13', '14', '21', '22', '23', '41', '51', '52'] as const;
export type MedType = (typeof MED_TYPE_CODES)[number];
export const MED_TYPE_NAMES: Record<MedType, string> = {
  '11': '普通门诊',
  '12': '门诊挂号',
  '13': '急诊',
  '14': '门诊慢特病',
  '21': '普通住院',
  '22': '外伤住院',
  '23': '转外诊治住院',
  '41': '定点药店购药',
  '51': '生育门诊',
  '52': '生育住院',
};
export const OUTPATIENT_MED_TYPES = [
  '11',
  '12',
  '13',
  '14',
  '41',
  '51',
] as const satisfies readonly MedType[];
export const INPATIENT_MED_TYPES = ['21', '22', '23', '52'] as const satisfies readonly MedType[];

/** 就诊凭证类型 mdtrt_cert_type. */
export const CERT_TYPE_CODES = ['01', '02', '03'] as const;
export type CertType = (typeof CERT_TYPE_CODES)[number];
export const CERT_TYPE_NAMES: Record<CertType, string> = {
  '01': '医保电子凭证',
  '02': '居民身份证',
  '03': '社会保障卡',
};

/** 收费项目等级 chrgitm_lv: 甲乙丙类. */
export const CHARGE_CLASSES = ['01', '02', '03'] as const;
export type ChargeClass = (typeof CHARGE_CLASSES)[number];
export const CHARGE_CLASS_NAMES: Record<ChargeClass, string> = { '01': '甲类', '02': '乙类', '03': '丙类' };

/** 基金支付类型 fund_pay_type (setldetail). */
export const FUND_PAY_TYPE_NAMES: Record<string, string> = {
  '310100': '职工基本医疗保险统筹基金',
  '310200': '职工基本医疗保险个人账户基金',
  '320100': '公务员医疗补助资金',
  '330100': '职工大额医疗费用补助基金',
  '390100': '城乡居民基本医疗保险基金',
  '390200': '城乡居民大病医疗保险资金',
  '610100': '医疗救助基金',
  '999996': '医院负担金额',
  '999999': '其他基金',
};

/** 离院方式 dscg_way. */
export const DISCHARGE_WAY_CODES = ['1', '2', '3', '4', '5', '9'] as const;
export type DischargeWay = (typeof DISCHARGE_WAY_CODES)[number];
export const DISCHARGE_WAY_NAMES: Record<DischargeWay, string> = {
  '1': '医嘱离院',
  '2': '医嘱转院',
  '3': '医嘱转社区卫生服务机构/乡镇卫生院',
  '4': '非医嘱离院',
  '5': '死亡',
  '9': '其他',
};

/** 性别 gend. */
export const GENDER_NAMES: Record<string, string> = { '1': '男', '2': '女' };

/** 执业人员分类 (prac_psn_type) → the kind of staff Yibao's 医保医师 registry keeps. */
export const PRAC_PSN_TYPE_KINDS = {
  '1': 'doctor',
  '2': 'nurse',
  '3': 'pharmacist',
  '4': 'technician',
} as const;
export type PracPsnType = keyof typeof PRAC_PSN_TYPE_KINDS;
export const PRAC_PSN_TYPES = Object.keys(PRAC_PSN_TYPE_KINDS) as [PracPsnType, ...PracPsnType[]];
