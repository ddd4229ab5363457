import assert from 'node:assert/strict';
import test from 'node:test';
import { diseinfoRows, e4fenYuan, feedetailRow, mdtrtinfoRow, selfPayBp, trimDecimal } from './records.ts';
import type { FeeLineRecord, VisitRecord } from '../settlement/records.ts';

const wire = (v: unknown) => JSON.parse(JSON.stringify(v));

test('stored quantities and 1/10,000-fen prices back to the decimals a HIS sent', () => {
  assert.equal(trimDecimal('12.5000'), '12.5');
  assert.equal(trimDecimal('3.0000'), '3');
  assert.equal(trimDecimal('-2.0000'), '-2');
  assert.equal(trimDecimal('40'), '40');
  assert.equal(e4fenYuan('833300'), '0.8333');
  assert.equal(e4fenYuan('1234500000'), '1234.50');
  assert.equal(e4fenYuan('1'), '0.000001');
  assert.equal(e4fenYuan('0'), '0.00');
  assert.equal(e4fenYuan('-15000000'), '-15.00');
});

const line = (over: Partial<FeeLineRecord>): FeeLineRecord => ({
  lineNo: '1',
  mdtrtId: 'MD1',
  psnNo: 'P1',
  batchNo: '',
  itemCode: 'X',
  itemName: '项目',
  hisItemCode: null,
  time: '2026-03-02T02:00:00.000Z',
  quantity: '2.0000',
  unitPriceFen: 5000,
  unitPriceE4Fen: null,
  amountFen: 10000,
  priceCapFen: null,
  chargeClass: '01',
  medChrgitmType: '09',
  fullySelfPaidFen: 0,
  overCapFen: 0,
  firstShareFen: 0,
  inScopeFen: 10000,
  reasons: [],
  setlId: null,
  ...over,
});

test('selfpay_prop: all of a self-paid line, the 乙类 share as charged on the capped part, else none', () => {
  assert.equal(selfPayBp(line({})), 0);
  assert.equal(selfPayBp(line({ chargeClass: '03', fullySelfPaidFen: 10000, inScopeFen: 0 })), 10000);
  assert.equal(selfPayBp(line({ chargeClass: '02', firstShareFen: 1000, inScopeFen: 9000 })), 1000);
  // over the price cap: the share is of the part within the cap
  assert.equal(
    selfPayBp(line({ chargeClass: '02', overCapFen: 2000, firstShareFen: 800, inScopeFen: 7200 })),
    1000,
  );
  assert.equal(selfPayBp(line({ chargeClass: '02', amountFen: 0, inScopeFen: 0 })), 0);
});

test('feedetail row: exact amounts, price decimals as sent, 999999 for no cap, reasons in Chinese', () => {
  const r = wire(
    feedetailRow(
      line({
        quantity: '3.0000',
        unitPriceFen: 83,
        unitPriceE4Fen: '833300',
        amountFen: 250,
        chargeClass: '02',
        firstShareFen: 25,
        inScopeFen: 225,
        reasons: ['CLASS_B_FIRST_SHARE'],
        setlId: 'ST1',
      }),
    ),
  );
  assert.equal(r.cnt, 3);
  assert.equal(r.pric, 0.8333);
  assert.equal(r.det_item_fee_sumamt, 2.5);
  assert.equal(r.pric_uplmt_amt, 999999);
  assert.equal(r.selfpay_prop, 0.1);
  assert.equal(r.fee_ocur_time, '2026-03-02 10:00:00');
  assert.equal(r.memo, '乙类先行自付');
  assert.equal(r.setl_id, 'ST1');
  assert.equal(r.chrg_bchno, null);
  assert.equal(wire(feedetailRow(line({ priceCapFen: 4000 }))).pric_uplmt_amt, 40);
});

const visit = (over: Partial<VisitRecord>): VisitRecord => ({
  mdtrtId: 'MD1',
  psnNo: 'P1',
  fixmedinsCode: 'H1',
  fixmedinsName: '医院',
  insutype: '390',
  medType: '21',
  inpatient: true,
  hisVisitNo: 'ZY1',
  beginTime: '2026-03-01T00:00:00.000Z',
  endTime: null,
  status: 'admitted',
  mainDiagnosis: 'J18.900',
  diagnoses: [
    { code: 'I10.x00', name: '高血压', type: '1', srtNo: '2' },
    { code: 'J18.900', name: '肺炎', type: '1', srtNo: '1' },
  ],
  attending: { doctorName: '王主任', deptName: '内科', bed: '12' },
  outOfArea: false,
  setlId: null,
  ...over,
});

test('mdtrtinfo and diseinfo rows: the main diagnosis named, a cancelled visit invalid', () => {
  const m = mdtrtinfoRow(visit({}));
  assert.equal(m.dise_codg, 'J18.900');
  assert.equal(m.begntime, '2026-03-01 08:00:00');
  assert.equal(m.endtime, null);
  assert.equal(m.chfpdr_name, '王主任');
  assert.equal(m.vali_flag, '1');
  assert.equal(mdtrtinfoRow(visit({ status: 'cancelled' })).vali_flag, '0');
  const d = diseinfoRows(visit({}));
  assert.deepEqual(
    d.map((r) => [r.diag_code, r.maindiag_flag, r.inout_diag_type]),
    [
      ['I10.x00', '0', '2'],
      ['J18.900', '1', '2'],
    ],
  );
  // no main code recorded: the first diagnosis is the main one
  const first = diseinfoRows(visit({ mainDiagnosis: null, inpatient: false }));
  assert.deepEqual(
    first.map((r) => [r.maindiag_flag, r.inout_diag_type]),
    [
      ['1', '1'],
      ['0', '1'],
    ],
  );
  assert.deepEqual(diseinfoRows(visit({ diagnoses: [] })), []);
});
