import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRegion, regionLevel } from './region-rules.ts';

const codeOf = (r: ReturnType<typeof checkRegion>) => r?.code ?? null;

test('a region is six digits with a name', () => {
  assert.equal(codeOf(checkRegion({ admdvs: '410105', name: '金水区', parent: '410100' })), null);
  assert.equal(codeOf(checkRegion({ admdvs: '32010', name: '某区', parent: null })), 'REGION_CODE_FORMAT');
  assert.equal(codeOf(checkRegion({ admdvs: '41010a', name: '某区', parent: null })), 'REGION_CODE_FORMAT');
  assert.equal(codeOf(checkRegion({ admdvs: '4101050', name: '某区', parent: null })), 'REGION_CODE_FORMAT');
  assert.equal(codeOf(checkRegion({ admdvs: '000105', name: '某区', parent: null })), 'REGION_CODE_FORMAT');
  assert.equal(codeOf(checkRegion({ admdvs: '320102', name: '  ', parent: null })), 'REGION_NAME_REQUIRED');
  assert.equal(
    codeOf(checkRegion({ admdvs: '320102', name: '区'.repeat(51), parent: null })),
    'REGION_NAME_TOO_LONG',
  );
});

test('a parent is another code of the same province', () => {
  assert.equal(
    codeOf(checkRegion({ admdvs: '320102', name: '玄武区', parent: '3201' })),
    'REGION_PARENT_FORMAT',
  );
  assert.equal(
    codeOf(checkRegion({ admdvs: '320102', name: '玄武区', parent: '320102' })),
    'REGION_PARENT_SELF',
  );
  assert.equal(
    codeOf(checkRegion({ admdvs: '320102', name: '玄武区', parent: '410100' })),
    'REGION_PARENT_PROVINCE',
  );
  assert.equal(
    codeOf(checkRegion({ admdvs: '320000', name: '江苏省', parent: '320100' })),
    'REGION_PARENT_PROVINCE',
  );
  assert.equal(codeOf(checkRegion({ admdvs: '320102', name: '玄武区', parent: '320100' })), null);
});

test('the level follows the shape of the code', () => {
  assert.equal(regionLevel('410000'), 'province');
  assert.equal(regionLevel('410100'), 'prefecture');
  assert.equal(regionLevel('410105'), 'county');
  assert.equal(regionLevel('419001'), 'county');
});
