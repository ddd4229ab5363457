// 目录对照 in the institution drawer: the institution's own item codes as its HIS mapped them to the
// national catalogue (3301), searchable, exportable; a code not in the catalogue is flagged for
// checking.
import { Space, Tag } from 'antd';
import type { MappingItem } from '../../../../src/modules/his/contract.ts';
import { UploadedSection } from './uploaded-section.tsx';

export function MappingSection({ code }: { code: string }) {
  return (
    <UploadedSection<MappingItem>
      testId="mapping-section"
      title="目录对照（HIS 上传）"
      path={`/api/his/mappings/${code}`}
      placeholder="机构目录编号、名称或医保编码"
      empty="该机构的 HIS 尚未上传目录对照"
      rowKey={(m) => `${m.hisItemCode}|${m.listType}`}
      columns={[
        { title: '机构目录', render: (_, m) => `${m.hisItemName}（${m.hisItemCode}）` },
        { title: '类别', dataIndex: 'listType', width: 60 },
        {
          title: '医保目录',
          render: (_, m) =>
            m.inCatalogue ? (
              `${m.itemName ?? ''}（${m.itemCode}）`
            ) : (
              <Space>
                {m.itemCode}
                <Tag color="orange">不在医保目录，待核对</Tag>
              </Space>
            ),
        },
        { title: '开始日期', dataIndex: 'beginDate', width: 100 },
      ]}
    />
  );
}
