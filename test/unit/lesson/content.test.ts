import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OBJECTIVES, TAKEAWAYS } from '../../../src/lesson';

test('objectives and takeaways have unique ids and full sentences', () => {
  for (const list of [OBJECTIVES, TAKEAWAYS]) {
    assert.ok(list.length >= 4);
    assert.equal(new Set(list.map((x) => x.id)).size, list.length);
    for (const item of list) assert.match(item.text, /^[A-Z].*[.)]$/, item.id);
  }
});
