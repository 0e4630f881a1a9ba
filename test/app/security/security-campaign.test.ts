import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildWorld, type World } from './campaign-world.ts';
import { runCampaign, summary } from './campaign-run.ts';

/**
 * The bounded run of the security campaign: a fixed seed and a few requests per route and caller, so that `npm test`
 * stays quick and repeatable. `npm run fuzz` runs it at length with other seeds (docs/security.md).
 */
let world: World;

before(async () => {
  world = await buildWorld();
});

after(async () => {
  await world.destroy();
});

describe('security campaign', () => {
  it('finds no 5xx, no bare 4xx, no leak to another tenant and no write on refusal', async (t) => {
    // Every route and caller is covered on both dialects; PostgreSQL's fingerprint (a count and the newest row version
    // of every table, twice a request) is slower, so it gets one generated body per route and caller instead of three.
    const runs = process.env.DATABASE_URL?.startsWith('postgres') ? 1 : 3;
    const figures = await runCampaign(world, { seed: 20260302, runs });
    for (const line of summary(figures).split('\n')) t.diagnostic(line);
    assert.equal(figures.routes, figures.routesInDocument, 'every route of the OpenAPI document is exercised');
    assert.ok((figures.byClass['2xx'] ?? 0) > 0, 'some requests get through');
    assert.deepEqual(figures.failures, [], `${summary(figures)}\n${figures.failures.slice(0, 20).join('\n')}`);
  });
});
