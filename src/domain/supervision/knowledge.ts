// 知识库 rows as the bureau's workbook writes them: one sheet per template, a row per item —
// 项目编码, 值, 批次, 生效日期, 失效日期 — read into the stored value of each template. A bad row is
// refused with its sheet and row number; nothing of the workbook is written then.
import { badRequest } from '../shared/errors.ts';

export const KNOWLEDGE_TEMPLATES: Record<string, { sheet: string; value: string }> = {
  SCHEME: { sheet: '限险种', value: '允许的险种，逗号分隔（如 310,390）' },
  INSTITUTION_LEVEL: { sheet: '限机构等级', value: '最低机构等级（1、2、3）' },
  INDICATION: { sheet: '限适应症', value: '适应症诊断编码前缀，逗号分隔（如 I10,E11）' },
  QUANTITY: { sheet: '单次限量', value: '单条明细最大数量' },
  COURSE: { sheet: '疗程上限', value: '单条明细最大疗程数量' },
  DUPLICATE_PAIR: { sheet: '重复收费', value: '互斥项目编码' },
};

export const sheetTemplate = (sheet: string): string | null =>
  Object.entries(KNOWLEDGE_TEMPLATES).find(([, t]) => t.sheet === sheet || sheet === t.sheet)?.[0] ??
  (KNOWLEDGE_TEMPLATES[sheet] ? sheet : null);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface KnowledgeInput {
  template: string;
  itemCode: string;
  value: Record<string, unknown>;
  batch: string;
  validFrom: string;
  validTo: string | null;
}

/** One workbook row → a knowledge point, or a coded refusal naming the sheet and row. */
export function knowledgeRow(template: string, cells: (string | null)[], where: string): KnowledgeInput {
  const [code, raw, batch, from, to] = cells.map((c) => (c === null ? '' : String(c).trim()));
  const bad = (why: string) => badRequest('SUPERVISION_KNOWLEDGE_ROW', `${where}：${why}`);
  if (!code || !/^[A-Za-z0-9.-]{1,50}$/.test(code)) throw bad('项目编码为空或格式不正确');
  if (!raw) throw bad('值为空');
  if (!batch) throw bad('批次为空');
  if (!from || !DATE.test(from)) throw bad('生效日期应为 yyyy-MM-dd');
  if (to && (!DATE.test(to) || to < from)) throw bad('失效日期应为 yyyy-MM-dd 且不早于生效日期');
  const list = () => raw.split(/[,，、\s]+/).filter(Boolean);
  const positive = () => {
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw bad('值应为正数');
    return n;
  };
  let value: Record<string, unknown>;
  switch (template) {
    case 'SCHEME': {
      const codes = list();
      if (codes.some((c) => !/^\d{3}$/.test(c))) throw bad('险种应为三位代码，如 310、390');
      value = { insutypes: codes };
      break;
    }
    case 'INSTITUTION_LEVEL': {
      const n = positive();
      if (![1, 2, 3].includes(n)) throw bad('机构等级应为 1、2 或 3');
      value = { minLevel: n };
      break;
    }
    case 'INDICATION':
      value = { diagnoses: list() };
      break;
    case 'QUANTITY':
    case 'COURSE':
      value = { max: positive() };
      break;
    case 'DUPLICATE_PAIR':
      if (!/^[A-Za-z0-9.-]{1,50}$/.test(raw)) throw bad('互斥项目编码格式不正确');
      value = { with: raw };
      break;
    default:
      throw bad(`没有名为 ${template} 的知识库模板`);
  }
  return { template, itemCode: code, value, batch, validFrom: from, validTo: to || null };
}
