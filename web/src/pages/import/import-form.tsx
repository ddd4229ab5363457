// The upload form: which ledger (with its template to download), which mode, which file. The
// native file input keeps the label tie (getByLabel('文件')) and works from the keyboard.
import { Button, Form, Radio, Space, Typography } from 'antd';
import { type FormEvent, useState } from 'react';
import {
  ACCEPT,
  fileProblem,
  type ImportKind,
  type ImportMode,
  type KindInfo,
  MODES,
  templateUrl,
} from './import-logic.ts';

export interface ImportFormProps {
  kinds: KindInfo[];
  kind: ImportKind | null;
  mode: ImportMode;
  busy: boolean;
  onKind: (k: ImportKind) => void;
  onMode: (m: ImportMode) => void;
  onUpload: (file: File) => void;
}

/** Off screen but in the tab order and read by screen readers (the label names it). */
const VISUALLY_HIDDEN: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

export function ImportForm({ kinds, kind, mode, busy, onKind, onMode, onUpload }: ImportFormProps) {
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [kindMissing, setKindMissing] = useState(false);
  const info = kinds.find((k) => k.kind === kind) ?? null;

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const p = fileProblem(file ? { name: file.name, size: file.size } : null);
    setProblem(p);
    setKindMissing(kind === null);
    if (p || kind === null || !file) return;
    onUpload(file);
  };

  return (
    <Form layout="vertical" component={false}>
      <form onSubmit={submit} aria-label="导入台账">
        <Form.Item
          label={<span id="import-kind-label">台账类型</span>}
          required
          validateStatus={kindMissing && !kind ? 'error' : undefined}
          help={kindMissing && !kind ? '请选择台账类型' : undefined}
        >
          <Radio.Group
            aria-labelledby="import-kind-label"
            value={kind ?? undefined}
            onChange={(e) => onKind(e.target.value as ImportKind)}
            options={kinds.map((k) => ({ value: k.kind, label: k.name }))}
            style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
          />
        </Form.Item>
        {info && (
          <Form.Item label="模板">
            <Space orientation="vertical" size={4}>
              <Typography.Text type="secondary">
                表头：
                {info.columns.map((c) => (c.required ? `${c.header}*` : c.header)).join('、')}
                （* 为必填）
              </Typography.Text>
              <Space>
                <Button href={templateUrl(info.kind, 'xlsx')}>下载模板（Excel）</Button>
                <Button href={templateUrl(info.kind, 'csv')}>下载模板（CSV）</Button>
              </Space>
            </Space>
          </Form.Item>
        )}
        <Form.Item label={<span id="import-mode-label">导入方式</span>} required>
          <Radio.Group
            aria-labelledby="import-mode-label"
            value={mode}
            onChange={(e) => onMode(e.target.value as ImportMode)}
          >
            <Space orientation="vertical" size={4}>
              {MODES.map((m) => (
                <Radio key={m.value} value={m.value}>
                  {m.label}
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {m.hint}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label="选择文件"
          htmlFor="import-file"
          required
          validateStatus={problem ? 'error' : undefined}
          help={problem ?? '支持 .xlsx 和 .csv（UTF-8 或 GBK），最大 64 MB'}
        >
          {/* the browser's own picker speaks the browser's language: a Chinese button in front of it */}
          <Space>
            <Button
              disabled={busy}
              onClick={() => document.getElementById('import-file')?.click()}
              tabIndex={-1}
            >
              选择文件…
            </Button>
            <Typography.Text type={file ? undefined : 'secondary'} data-testid="import-file-name">
              {file ? file.name : '未选择文件'}
            </Typography.Text>
          </Space>
          <input
            id="import-file"
            type="file"
            accept={ACCEPT}
            disabled={busy}
            style={VISUALLY_HIDDEN}
            onChange={(e) => {
              const f = e.target.files?.[0] ?? null;
              setFile(f);
              setProblem(f ? fileProblem({ name: f.name, size: f.size }) : null);
            }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          开始导入
        </Button>
      </form>
    </Form>
  );
}
