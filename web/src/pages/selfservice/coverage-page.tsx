// 我的参保: the person's enrollments of this and next year, and their special identities.
import { Alert, Card, Descriptions, Empty, List, Tag } from 'antd';
import { INSUTYPE_NAMES, type Insutype } from '../../../../src/domain/national/codes.ts';
import type { CoverageView } from '../../../../src/modules/selfservice/contract.ts';
import { fenToYuan } from '../../lib/format.ts';
import { useM } from './use-m.ts';

export default function CoveragePage() {
  const { data, error } = useM<CoverageView>('/api/m/coverage');
  if (error) return <Alert type="error" message={error} />;
  if (!data) return null;
  return (
    <>
      <Card
        title={`参保信息（${data.year}—${data.year + 1} 年度）`}
        size="small"
        style={{ marginBottom: 12 }}
      >
        {data.enrollments.length === 0 ? (
          <Empty description="本年度和下年度暂无参保记录" />
        ) : (
          <List
            dataSource={data.enrollments}
            renderItem={(e) => (
              <List.Item data-testid="coverage-row">
                <Descriptions
                  size="small"
                  column={1}
                  title={INSUTYPE_NAMES[e.insutype as Insutype] ?? e.insutype}
                >
                  <Descriptions.Item label="参保期间">
                    {e.beginDate} 至 {e.endDate}{' '}
                    <Tag color={e.status === 'active' ? 'green' : 'default'}>
                      {e.status === 'active' ? '正常参保' : '已停保'}
                    </Tag>
                  </Descriptions.Item>
                  <Descriptions.Item label="个人缴费">{fenToYuan(e.personalFen)} 元</Descriptions.Item>
                  {e.assistedFen > 0 && (
                    <Descriptions.Item label="资助参保">{fenToYuan(e.assistedFen)} 元</Descriptions.Item>
                  )}
                </Descriptions>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Card title="特殊人员身份" size="small">
        {data.identities.length === 0 ? (
          <Empty description="无" />
        ) : (
          data.identities.map((i) => (
            <div key={`${i.code}-${i.validFrom}`}>
              <Tag color="blue">{i.name}</Tag> {i.validFrom} 起{i.validTo ? ` 至 ${i.validTo}` : ''}
            </div>
          ))
        )}
      </Card>
    </>
  );
}
