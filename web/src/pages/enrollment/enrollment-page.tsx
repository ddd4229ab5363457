// 参保登记 (/enrollments): find a person by resident ID or person number, then enroll them, correct
// an enrollment or stop one. The person found is kept in the URL (?psnNo=) so a reload keeps it.
import { Card, Empty, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { PersonEnrollments } from './person-enrollments.tsx';
import { PersonLookupForm } from './person-lookup-form.tsx';

export default function EnrollmentPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('psnNo') ?? '';
  const psnNo = /^\d{16}$/.test(raw) ? raw : null;
  return (
    <div>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        参保登记
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 16 }}>
        <PersonLookupForm current={psnNo} onFound={(p) => setParams({ psnNo: p })} />
      </Card>
      {psnNo ? (
        <PersonEnrollments key={psnNo} psnNo={psnNo} />
      ) : (
        <Card>
          <Empty description="请输入身份证号或人员编号查找参保人" />
        </Card>
      )}
    </div>
  );
}
