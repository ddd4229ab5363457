// 台账导入: choose the ledger and mode, download its template, upload with a progress bar (the
// upload, then the server job's phases), read the summary and the per-row error report, and see
// the recent imports. The kind, mode, job shown and list pages live in the URL.
import { Alert, Card, Col, Progress, Row, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Loaded } from '../../components/page-state.tsx';
import { ApiError, type Page } from '../../lib/api.ts';
import { useApi } from '../../lib/use-api.ts';
import { ImportForm } from './import-form.tsx';
import {
  type ImportJob,
  type ImportParams,
  isFinished,
  type KindInfo,
  overallPercent,
  paramsToSearch,
  parseParams,
  progressText,
} from './import-logic.ts';
import { JOB_PAGE_SIZE, JobList } from './job-list.tsx';
import { JobResult } from './job-result.tsx';
import { uploadWithProgress } from './upload.ts';
import { useJob } from './use-job.ts';

export default function ImportPage() {
  const [search, setSearch] = useSearchParams();
  const params = useMemo(() => parseParams(search), [search]);
  const set = (change: Partial<ImportParams>) => setSearch(paramsToSearch({ ...params, ...change }));

  const kinds = useApi<KindInfo[]>('/api/import/kinds');
  const jobs = useApi<Page<ImportJob>>('/api/import/jobs', { page: params.page, pageSize: JOB_PAGE_SIZE });
  const { job, error: jobError } = useJob(params.job);
  // upload progress (0–1) while the file is on its way; null when no upload is under way
  const [uploading, setUploading] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<ApiError | null>(null);
  const following = uploading !== null || (job !== null && !isFinished(job));

  // the list shows the new job's final counts once it has finished
  const finishedId = job && isFinished(job) ? job.id : null;
  const reloadJobs = jobs.reload;
  useEffect(() => {
    if (finishedId !== null) reloadJobs();
  }, [finishedId, reloadJobs]);

  const upload = async (file: File) => {
    if (!params.kind) return;
    const form = new FormData();
    form.append('mode', params.mode);
    form.append('file', file, file.name);
    setUploadError(null);
    setUploading(0);
    try {
      const { jobId } = await uploadWithProgress<{ jobId: number }>(
        `/api/import/${params.kind}`,
        form,
        setUploading,
      );
      set({ job: jobId, errorPage: 1, page: 1 });
    } catch (e) {
      setUploadError(e instanceof ApiError ? e : new ApiError(0, { code: 'UNKNOWN', message: String(e) }));
    } finally {
      setUploading(null);
    }
  };

  const percent = overallPercent(uploading ?? 1, uploading !== null ? null : job);
  const showProgress = uploading !== null || (job !== null && params.job !== null);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        台账导入
      </Typography.Title>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="导入台账">
            <Loaded {...kinds} empty={(d) => d.length === 0} emptyText="没有可导入的台账类型">
              {(list) => (
                <ImportForm
                  kinds={list}
                  kind={params.kind}
                  mode={params.mode}
                  busy={following}
                  onKind={(kind) => set({ kind })}
                  onMode={(mode) => set({ mode })}
                  onUpload={upload}
                />
              )}
            </Loaded>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="导入进度">
            {uploadError && (
              <Alert
                type="error"
                showIcon
                title="上传失败"
                description={`${uploadError.message}（${uploadError.code}）`}
                style={{ marginBottom: 12 }}
              />
            )}
            {jobError && (
              <Alert type="error" showIcon title="无法读取导入作业" description={jobError.message} />
            )}
            {showProgress ? (
              <div data-testid="import-progress">
                <Progress
                  percent={percent}
                  status={job?.status === 'failed' ? 'exception' : following ? 'active' : 'success'}
                  aria-label="导入进度"
                />
                <Typography.Text type="secondary">
                  {uploading !== null ? progressText(uploading, null) : job ? progressText(1, job) : ''}
                </Typography.Text>
              </div>
            ) : (
              <Typography.Text type="secondary">
                选择台账类型和文件后点“开始导入”。文件先上传，再在后台逐行校验并写入；大文件可离开本页，稍后在“最近导入”中查看结果。
              </Typography.Text>
            )}
          </Card>
        </Col>
      </Row>
      {job && isFinished(job) && (
        <JobResult
          job={job}
          kinds={kinds.data ?? []}
          errorPage={params.errorPage}
          onErrorPage={(errorPage) => set({ errorPage })}
        />
      )}
      <JobList
        list={jobs}
        kinds={kinds.data ?? []}
        page={params.page}
        current={params.job}
        onPage={(page) => set({ page })}
        onOpen={(id) => set({ job: id, errorPage: 1 })}
      />
    </Space>
  );
}
