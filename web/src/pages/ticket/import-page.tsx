// 导入平台工单: the city platform's xlsx export, all rows or none; numbers already registered are skipped.
import { Alert, Button, Card, List, Upload } from 'antd';
import { useState } from 'react';
import { IMPORT_HEADERS } from '../../../../src/domain/ticket/import-rows.ts';
import { ApiError, api } from '../../lib/api.ts';

export default function TicketImportPage() {
  const [result, setResult] = useState<{ imported: number; skipped: string[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000)
        bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      setResult(await api.post('/api/ticket/import', { fileName: file.name, content: btoa(bin) }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, { code: 'UNKNOWN', message: String(e) }));
    } finally {
      setBusy(false);
    }
    return false;
  };
  const problems = (error?.details as { problems?: { line: number; message: string }[] } | undefined)
    ?.problems;

  return (
    <Card title="导入 12345 平台工单">
      <p>
        上传 12345 平台导出的 .xlsx 文件，第 1 行为表头：{IMPORT_HEADERS.join('、')}
        。保留平台工单编号；已登记的编号跳过；任一行有误则整个文件不导入。
      </p>
      <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => send(f)}>
        <Button type="primary" loading={busy}>
          选择文件并导入
        </Button>
      </Upload>
      {result && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          message={`已导入 ${result.imported} 件工单${result.skipped.length ? `；已登记而跳过 ${result.skipped.length} 件：${result.skipped.join('、')}` : ''}`}
        />
      )}
      {error && <Alert style={{ marginTop: 16 }} type="error" message={error.message} />}
      {problems && (
        <List
          size="small"
          dataSource={problems}
          renderItem={(p) => (
            <List.Item>
              第 {p.line} 行：{p.message}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
