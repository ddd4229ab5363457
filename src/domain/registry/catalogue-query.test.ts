import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expandedWindow, expandRows, pageWindow } from './catalogue-query.ts';

test('pageWindow: page n of size s starts at (n-1)·s', () => {
  assert.deepEqual(pageWindow(1, 10), { offset: 0, limit: 10 });
  assert.deepEqual(pageWindow(3, 7), { offset: 14, limit: 7 });
});

test('expanded pages: every item × each, in order, cut into pages of any size, with nothing lost or repeated', () => {
  const items = Array.from({ length: 7 }, (_, i) => `i${i}`);
  for (const per of [1, 2, 3, 5]) {
    const each = Array.from({ length: per }, (_, k) => k);
    const whole = items.flatMap((i) => each.map((e) => `${i}/${e}`));
    for (const size of [1, 2, 3, 4, 6, 10, 100]) {
      const pages: string[] = [];
      for (let page = 1; (page - 1) * size < whole.length + size; page++) {
        const w = expandedWindow(page, size, per);
        const read = items.slice(w.items.offset, w.items.offset + w.items.limit);
        const rows = expandRows(read, each, w.skip, size, (i, e) => `${i}/${e}`);
        assert.ok(rows.length <= size);
        // a page reads no more items than its rows can come from
        assert.ok(w.items.limit <= Math.ceil(size / per) + 1, `per ${per} size ${size}`);
        pages.push(...rows);
      }
      assert.deepEqual(pages, whole, `per ${per} size ${size}`);
    }
  }
});

test('expandedWindow: the items a page needs and where its first row is among theirs', () => {
  // 3 rows an item, page 2 of 4 rows = rows 4..7 = items 1 (its 2nd row) to 2
  assert.deepEqual(expandedWindow(2, 4, 3), { items: { offset: 1, limit: 2 }, skip: 1 });
  assert.deepEqual(expandedWindow(1, 1, 2), { items: { offset: 0, limit: 1 }, skip: 0 });
});
