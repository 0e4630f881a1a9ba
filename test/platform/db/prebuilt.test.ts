import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { prebuilt } from '../../../src/platform/db/prebuilt.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';

describe('prebuilt', () => {
  let store: TestStore;
  before(async () => {
    store = await createTestStore();
  });
  after(async () => {
    await store.destroy();
  });

  it('builds once per database handle, and filters added per call never stick to the shared base', async () => {
    let builds = 0;
    const codes = prebuilt((db) => {
      builds += 1;
      return db.selectFrom('organisations').select('code').orderBy('code');
    });
    const now = Date.now();
    for (const code of ['aaa', 'bbb']) {
      await store.db
        .insertInto('organisations')
        .values({
          id: code,
          kind: 'owner',
          name: code,
          org_number: `9${code}`,
          code,
          contact_email: `${code}@x.no`,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    assert.deepEqual(await codes(store.db).where('code', '=', 'aaa').execute(), [{ code: 'aaa' }]);
    assert.deepEqual(await codes(store.db).where('code', '=', 'bbb').execute(), [{ code: 'bbb' }]);
    assert.deepEqual(await codes(store.db).execute(), [{ code: 'aaa' }, { code: 'bbb' }]);
    assert.equal(builds, 1);
    await store.db.transaction().execute(async (trx) => {
      assert.deepEqual(await codes(trx).where('code', '=', 'bbb').execute(), [{ code: 'bbb' }]);
    });
    assert.equal(builds, 2, 'a transaction is its own handle');
  });
});
