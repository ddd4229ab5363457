import assert from 'node:assert/strict';
import { test } from 'node:test';
import { refuseRepeatedBatch } from '../supervision/stock-events.ts';
import { parseWith } from './schema.ts';
import {
  traceCodesOf,
  stockChangeInput,
  stockCountInput,
  stockDeleteInput,
  stockPurchaseInput,
  stockSaleReturnInput,
} from './stock-inputs.ts';

const item = (over: Record<string, unknown> = {}) => ({
  med_list_codg: 'XA01',
  fixmedins_hilist_id: 'YP1',
  fixmedins_hilist_name: '阿莫西林',
  fixmedins_bchno: 'B1',
  ...over,
});

test('3501: a count of 0 is a count, its day the Beijing midnight; one record or a list', () => {
  const [one] = parseWith(stockCountInput, { invinfo: item({ invdate: '2026-03-01', inv_cnt: 0 }) }, 'input');
  assert.deepEqual(
    [one!.kind, one!.quantity, one!.occurredAt, one!.occurredOn, one!.price],
    ['count', '0', '2026-02-28T16:00:00.000Z', '2026-03-01', null],
  );
  const list = parseWith(
    stockCountInput,
    {
      invinfo: [
        item({ invdate: '2026-03-01 00:00:00', inv_cnt: '12.5' }),
        item({ fixmedins_bchno: 'B2', invdate: '2026-03-02', inv_cnt: 3 }),
      ],
    },
    'input',
  );
  assert.deepEqual(
    list.map((e) => [e.bchno, e.quantity, e.occurredOn]),
    [
      ['B1', '12.5', '2026-03-01'],
      ['B2', '3', '2026-03-02'],
    ],
  );
  assert.throws(
    () => parseWith(stockCountInput, { invinfo: item({ invdate: '2026-03-01', inv_cnt: '-1' }) }, 'input'),
    /inv_cnt 应为不小于 0 的数量/,
  );
});

test('3502A/3503A lists under *Detail; a vendor’s fixmedins_hist_* names; unknown members dropped', () => {
  const [change] = parseWith(
    stockChangeInput,
    {
      invinfoDetail: [
        item({
          inv_chg_type: 104,
          pric: '0.8333',
          cnt: '2',
          inv_chg_time: '2026-03-03 16:00:00',
          drugtracinfo: [],
        }),
      ],
    },
    'input',
  );
  assert.deepEqual(
    [change!.kind, change!.quantity, change!.price, change!.occurredAt, change!.detail],
    ['change', '2', '0.8333', '2026-03-03T08:00:00.000Z', { inv_chg_type: '104' }],
  );
  const { fixmedins_hilist_id: _i, fixmedins_hilist_name: _n, ...rest } = item();
  const [bought] = parseWith(
    stockPurchaseInput,
    {
      purcinfoDetail: [
        {
          ...rest,
          fixmedins_hist_id: 'YP9',
          fixmedins_hist_name: '甲',
          purc_retn_cnt: 10,
          purc_retn_stoin_time: '2026-03-02 09:00:00',
          spler_name: '供应商',
          spler_pmtno: '',
          whatever: 1,
        },
      ],
    },
    'input',
  );
  assert.deepEqual(
    [bought!.hilistId, bought!.hilistName, bought!.quantity, bought!.detail],
    ['YP9', '甲', '10', { spler_name: '供应商' }],
  );
});

test('3506: the person kept by psn_no only; a missing quantity or time is refused by name', () => {
  const [back] = parseWith(
    stockSaleReturnInput,
    {
      selinfo: item({
        sel_retn_cnt: '1',
        sel_retn_time: '2026-03-05 10:00:00',
        psn_no: 'P1',
        certno: '410926199001011234',
        psn_name: '王安',
        medins_prod_sel_no: 'XS1',
      }),
    },
    'input',
  );
  assert.deepEqual(back!.detail, { psn_no: 'P1', medins_prod_sel_no: 'XS1' });
  assert.throws(
    () =>
      parseWith(stockSaleReturnInput, { selinfo: item({ sel_retn_time: '2026-03-05 10:00:00' }) }, 'input'),
    /sel_retn_cnt/,
  );
  assert.throws(
    () => parseWith(stockSaleReturnInput, { selinfo: item({ sel_retn_cnt: 1 }) }, 'input'),
    /sel_retn_time/,
  );
});

test('3507: 批次流水号 and a data type 1–4; one upload may not name a 批次流水号 twice for a kind', () => {
  assert.deepEqual(
    parseWith(stockDeleteInput, { data: { fixmedins_bchno: 'B1', inv_data_type: 3 } }, 'input'),
    {
      bchno: 'B1',
      dataType: '3',
    },
  );
  assert.throws(
    () => parseWith(stockDeleteInput, { data: { fixmedins_bchno: 'B1', inv_data_type: '9' } }, 'input'),
    /inv_data_type/,
  );
  const twice = parseWith(
    stockPurchaseInput,
    {
      purcinfo: [
        item({ purc_retn_cnt: 1, purc_retn_stoin_time: '2026-03-02 09:00:00' }),
        item({ purc_retn_cnt: 2, purc_retn_stoin_time: '2026-03-02 09:00:00' }),
      ],
    },
    'input',
  );
  assert.throws(() => refuseRepeatedBatch(twice), /批次流水号 B1 在本次上传的采购信息中出现多次/);
});

test('追溯码: the record’s (several separated), its drugtracinfo, the input’s for a single record; each once', () => {
  assert.deepEqual(traceCodesOf({ drug_trac_codg: '8100001, 8100002；8100003' }), [
    '8100001',
    '8100002',
    '8100003',
  ]);
  assert.deepEqual(
    traceCodesOf(
      {
        drug_trac_codg: '8100001',
        drugtracinfo: [{ drug_trac_codg: '8100001' }, { drug_trac_codg: '8100004' }],
      },
      {
        drug_trac_codg: '8100005',
      },
    ),
    ['8100001', '8100004', '8100005'],
  );
  assert.deepEqual(traceCodesOf({ drug_trac_codg: null, drugtracinfo: '' }), []);
  const one = (input: Record<string, unknown>) =>
    parseWith(stockSaleReturnInput, input, 'input').map((e) => e.traceCodes);
  const sale = (bchno: string, over: Record<string, unknown> = {}) =>
    item({ fixmedins_bchno: bchno, sel_retn_cnt: 1, sel_retn_time: '2026-03-05 10:00:00', ...over });
  // 3505 as a vendor sends it: the list beside the record
  assert.deepEqual(one({ selinfo: sale('S1'), drugtracinfo: [{ drug_trac_codg: '8100009' }] }), [
    ['8100009'],
  ]);
  // with several records the input's list belongs to none of them
  assert.deepEqual(
    one({
      selinfo: [sale('S1', { drug_trac_codg: '81001' }), sale('S2')],
      drugtracinfo: [{ drug_trac_codg: '8100009' }],
    }),
    [['81001'], []],
  );
});
