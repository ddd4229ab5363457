// 本年待遇: per scheme the fund paid, the deductible used and the cap left; then the year's settlements.
import { Alert, Card, Empty, List, Statistic, Tag } from 'antd';
import {
  INSUTYPE_NAMES,
  type Insutype,
  MED_TYPE_NAMES,
  type MedType,
} from '../../../../src/domain/national/codes.ts';
import type { BenefitsView } from '../../../../src/modules/selfservice/contract.ts';
import { fenToYuan } from '../../lib/format.ts';
import { useM } from './use-m.ts';

export default function BenefitsPage() {
  const { data, error } = useM<BenefitsView>('/api/m/benefits');
  if (error) return <Alert type="error" message={error} />;
  if (!data) return null;
  return (
    <>
      {data.schemes.length === 0 && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Empty description={`${data.year} 年暂无医保结算`} />
        </Card>
      )}
      {data.schemes.map((s) => (
        <Card
          key={s.insutype}
          size="small"
          title={`${data.year} 年 ${INSUTYPE_NAMES[s.insutype as Insutype] ?? s.insutype}`}
          style={{ marginBottom: 12 }}
        >
          <Statistic title="医保基金已支付（元）" value={fenToYuan(s.fundPaidFen)} />
          <Statistic title="住院起付线已累计（元）" value={fenToYuan(s.deductibleUsedFen)} />
          {s.basicCapRemainingFen !== null && (
            <Statistic title="基本医保年度最高支付限额剩余（元）" value={fenToYuan(s.basicCapRemainingFen)} />
          )}
        </Card>
      ))}
      <Card size="small" title="本年结算记录">
        <List
          dataSource={data.settlements}
          locale={{ emptyText: '暂无' }}
          renderItem={(s) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <div>
                  {s.setlDate} {s.institution} <Tag>{MED_TYPE_NAMES[s.medType as MedType] ?? s.medType}</Tag>
                  {s.status !== 'settled' && (
                    <Tag color="orange">{s.status === 'reversal' ? '冲销' : '已冲销'}</Tag>
                  )}
                </div>
                <div>
                  总费用 {fenToYuan(s.medfeeSumamt)} 元 · 医保支付 {fenToYuan(s.fundPaySumamt)} 元 · 个人支付{' '}
                  {fenToYuan(s.psnCashPay)} 元
                </div>
              </div>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
