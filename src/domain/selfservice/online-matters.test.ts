import assert from 'node:assert/strict';
import { test } from 'node:test';
import { offeredOnline, onlinePayload, photoMaterials, photoType } from './online-matters.ts';

const ID = { name: '有效身份证件或医保电子凭证', replaceable: false, deferrable: false };
const FORM = { name: '参保信息变更登记表', replaceable: false, deferrable: false };

test('a person is offered the online matters that are theirs, not the unit ones or registration', () => {
  const t = (
    name: string,
    handler: null | 'person.change' | 'person.register',
    online: string | null = 'APP',
  ) => offeredOnline({ name, handler, onlineChannel: online });
  assert.equal(t('城乡居民参保信息变更登记（联系电话、居住地、姓名）', 'person.change'), true);
  assert.equal(t('临时外出就医人员备案', null), true);
  assert.equal(t('单位参保登记', null), false);
  assert.equal(t('参保单位缴费基数申报', null), false);
  assert.equal(t('城乡居民参保登记', 'person.register'), false);
  assert.equal(t('异地转诊人员备案', null, null), false);
});

test('the identity document is the login itself; other materials need a photo', () => {
  assert.deepEqual(photoMaterials([ID, FORM, { name: '户口簿', replaceable: true, deferrable: false }]), [
    FORM.name,
  ]);
});

test('a phone change online carries only the new phone and the person’s own number', () => {
  assert.deepEqual(
    onlinePayload('person.change', '4109260000000001', { phone: ' 13912345678 ', name: '李四' }),
    {
      payload: { psnNo: '4109260000000001', phone: '13912345678' },
    },
  );
  assert.deepEqual(onlinePayload('person.change', '4109260000000001', { psnNo: '4109260000000002' }), {
    field: 'phone',
    message: '请填写新的手机号码',
  });
  assert.deepEqual(onlinePayload('person.change', '1', { phone: '12345' }), {
    field: 'phone',
    message: '手机号码应为 11 位数字',
  });
  assert.deepEqual(onlinePayload(null, '1', { note: '去北京看病', other: 1 }), {
    payload: { note: '去北京看病' },
  });
});

test('a photo is recognised by its first bytes, not its declared type', () => {
  assert.equal(photoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.equal(photoType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
  assert.equal(photoType(new TextEncoder().encode('<svg>')), null);
});
