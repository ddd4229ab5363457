// The case's documents as .docx: 整改通知书, 约谈通知书 and the draft 行政处罚决定书, each naming the
// institution, the facts, the article and the amounts in 元 and in capitals.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { ARTICLES } from '../../domain/casework/articles.ts';
import { OUTCOME_KINDS } from '../../domain/casework/codes.ts';
import { fenToCapitals } from '../../domain/shared/chinese-amount.ts';
import { fenToYuan } from '../../domain/shared/money.ts';
import type { CaseRow, OutcomeRow } from './repo.ts';

export type DocumentKind = 'rectify' | 'interview' | 'penalty';
export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  rectify: '整改通知书',
  interview: '约谈通知书',
  penalty: '行政处罚决定书（草稿）',
};

const money = (fen: number) => `${fenToYuan(fen)} 元（大写：${fenToCapitals(fen)}）`;

const p = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, size: 28 })], spacing: { after: 160 } });

export async function caseDocument(
  kind: DocumentKind,
  c: CaseRow,
  outcomes: OutcomeRow[],
  day: string,
): Promise<Buffer> {
  const inst = c.institutionName ?? c.fixmedinsCode;
  const article = ARTICLES[c.article];
  const sum = (k: OutcomeRow['kind']) =>
    outcomes.filter((o) => o.kind === k).reduce((s, o) => s + o.amountFen, 0);
  const body: Paragraph[] = [p(`${inst}（定点医药机构编码 ${c.fixmedinsCode}）：`)];
  const facts = `经查，你单位存在${c.violationType}问题：${c.facts || '（事实见调查报告）'}，造成医保基金损失 ${money(c.lossFen)}。`;
  if (kind === 'rectify') {
    body.push(p(facts));
    body.push(
      p(
        `上述行为违反${article.title}的规定。请你单位自收到本通知书之日起十五个工作日内完成整改，退回违规使用的医保基金 ${money(c.lossFen)}，并将整改情况书面报送我局。`,
      ),
    );
  } else if (kind === 'interview') {
    body.push(p(facts));
    body.push(
      p(
        `依据${article.title}及医保服务协议，请你单位主要负责人于接到本通知后五个工作日内到我局接受约谈，说明情况并提交整改方案。`,
      ),
    );
  } else {
    const fine = outcomes.find((o) => o.kind === 'fine');
    body.push(p(facts));
    body.push(
      p(
        `以上事实有调查笔录、费用明细等证据证实。你单位的上述行为属于${article.scope}，违反了${article.title}的规定。`,
      ),
    );
    body.push(
      p(`依据${article.title}，本局决定：一、责令退回医保基金 ${money(sum('recovery') || c.lossFen)}；`),
    );
    body.push(
      p(
        fine
          ? `二、处以罚款 ${money(fine.amountFen)}${fine.multipleBp ? `（违法金额的 ${fine.multipleBp / 10_000} 倍）` : ''}。`
          : '二、罚款金额待定。',
      ),
    );
    const others = outcomes.filter(
      (o) => o.kind !== 'fine' && o.kind !== 'recovery' && o.kind !== 'referral',
    );
    for (const o of others)
      body.push(p(`另：${OUTCOME_KINDS[o.kind]}${o.amountFen ? ` ${money(o.amountFen)}` : ''}。`));
    body.push(
      p('如不服本决定，可在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。'),
    );
  }
  body.push(
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: `医疗保障局  ${day}`, size: 28 })],
    }),
  );
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun(DOCUMENT_TITLES[kind])],
          }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`案件编号 ${c.id}`)] }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
