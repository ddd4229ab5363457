// The outcome of 校验审计链: whole, or the first break of each chain (which entry, what kind).
import { Alert } from 'antd';
import { BREAK_NAMES, type ChainReport } from '../../../../src/modules/audit/contract.ts';

export function ChainResult({ report, error }: { report: ChainReport | null; error: string | null }) {
  if (error) return <Alert type="error" showIcon title="校验失败" description={error} />;
  if (!report) return null;
  const range = report.from || report.to ? '（所选日期范围）' : '';
  if (report.ok) {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="chain-result"
        title={`审计链完好：已校验 ${report.checked} 条记录${range}，${report.streams.length} 条链`}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="chain-result"
      title={`审计链断裂：${report.breaks.length} 条链发现问题（已校验 ${report.checked} 条记录${range}）`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {report.breaks.map((b) => (
            <li key={b.stream}>
              链 {b.stream} 第 {b.seq} 条{b.id ? `（记录 #${b.id}）` : ''}：{BREAK_NAMES[b.kind]}
            </li>
          ))}
        </ul>
      }
    />
  );
}
