import assert from 'node:assert/strict';
import { test } from 'node:test';
import { passwordMessage, placeApiError, validateChange } from './account-form.ts';

test('the page shows the policy’s own message for a weak password', () => {
  assert.equal(passwordMessage('short', 'zhang01'), '密码长度须为10至200位');
  assert.equal(passwordMessage('Yibao@2026', 'zhang01'), '密码过于常见或已公开，请换一个');
  assert.equal(passwordMessage('Lanshan-river7', 'zhang01'), null);
});

test('changing a password needs the old one, a good new one, different, typed twice alike', () => {
  assert.deepEqual(validateChange({ oldPassword: '', newPassword: '', confirm: '' }, 'zhang01'), {
    oldPassword: '请输入原密码',
    newPassword: '请输入新密码',
  });
  assert.deepEqual(
    validateChange(
      { oldPassword: 'Lanshan-river7', newPassword: 'Lanshan-river7', confirm: 'Lanshan-river7' },
      'z01',
    ),
    { newPassword: '新密码不能与原密码相同' },
  );
  assert.deepEqual(
    validateChange({ oldPassword: 'x', newPassword: 'Lanshan-river7', confirm: 'Lanshan-river8' }, 'z01'),
    { confirm: '两次输入的新密码不一致' },
  );
  assert.deepEqual(
    validateChange({ oldPassword: 'x', newPassword: 'Lanshan-river7', confirm: 'Lanshan-river7' }, 'z01'),
    {},
  );
});

test('API errors land on their field, or above the form', () => {
  const weak = {
    code: 'PASSWORD_TOO_SHORT',
    message: '密码长度须为10至200位；密码须至少包含…',
    details: [
      { field: 'newPassword', code: 'PASSWORD_TOO_SHORT', message: '密码长度须为10至200位' },
      { field: 'newPassword', code: 'PASSWORD_TOO_SIMPLE', message: '三种' },
    ],
  };
  assert.deepEqual(placeApiError(weak, ['oldPassword', 'newPassword']), {
    fields: { newPassword: '密码长度须为10至200位' },
    form: null,
  });
  assert.deepEqual(placeApiError({ code: 'ACCOUNT_LOCKED', message: '已锁定' }, ['oldPassword']), {
    fields: {},
    form: '已锁定',
  });
});
