// The city platform's xlsx export, one row a ticket: the platform's number is kept as the ticket's
// number. Headers are the platform's Chinese ones; each bad row is reported with its line, none kept.
import { CATEGORY_NAMES, codeOfName, type TicketCategory, type Urgency, URGENCY_NAMES } from './codes.ts';

export const IMPORT_HEADERS = [
  '工单编号',
  '受理时间',
  '诉求类型',
  '紧急程度',
  '标题',
  '诉求内容',
  '来电人',
  '联系电话',
] as const;

export interface ImportedTicket {
  platformNo: string;
  receivedOn: string;
  category: TicketCategory;
  urgency: Urgency;
  title: string;
  content: string;
  callerName: string;
  callerPhone: string;
}

export interface RowProblem {
  line: number;
  message: string;
}

/** Validates rows (header → text, the sheet's line numbers from 2). */
export function parseImportRows(rows: readonly Record<string, string>[]): {
  tickets: ImportedTicket[];
  problems: RowProblem[];
} {
  const tickets: ImportedTicket[] = [];
  const problems: RowProblem[] = [];
  const seen = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const line = i + 2;
    const get = (h: string) => (r[h] ?? '').trim();
    const platformNo = get('工单编号');
    const day = get('受理时间').slice(0, 10).replaceAll('/', '-');
    const category = codeOfName(CATEGORY_NAMES, get('诉求类型'));
    const urgency = get('紧急程度') === '' ? 'normal' : codeOfName(URGENCY_NAMES, get('紧急程度'));
    const bad = (message: string): void => {
      problems.push({ line, message });
    };
    if (!platformNo) {
      bad('缺少工单编号');
      continue;
    }
    if (seen.has(platformNo)) {
      bad(`工单编号 ${platformNo} 在文件中重复`);
      continue;
    }
    seen.add(platformNo);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(day))) {
      bad('受理时间格式不正确');
      continue;
    }
    if (!category) {
      bad(`诉求类型“${get('诉求类型')}”应为咨询、求助、投诉、举报或建议`);
      continue;
    }
    if (!urgency) {
      bad(`紧急程度“${get('紧急程度')}”应为一般或紧急`);
      continue;
    }
    if (!get('诉求内容')) {
      bad('缺少诉求内容');
      continue;
    }
    tickets.push({
      platformNo,
      receivedOn: day,
      category,
      urgency,
      title: get('标题') || get('诉求内容').slice(0, 20),
      content: get('诉求内容'),
      callerName: get('来电人'),
      callerPhone: get('联系电话'),
    });
  }
  return { tickets, problems };
}
