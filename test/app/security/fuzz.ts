import { buildWorld } from './campaign-world.ts';
import { runCampaign, summary } from './campaign-run.ts';

/**
 * `npm run fuzz`: the security campaign at length. FUZZ_SEED (default: a new one, printed), FUZZ_RUNS (requests per
 * route and caller, default 25), FUZZ_ROUTE and FUZZ_CALLER (replay one pair), FUZZ_SHOW (failing cases printed in
 * full, default 40).
 */
const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const runs = Number(process.env.FUZZ_RUNS ?? 25);
const show = Number(process.env.FUZZ_SHOW ?? 40);
const world = await buildWorld();
try {
  const figures = await runCampaign(world, {
    seed,
    runs,
    route: process.env.FUZZ_ROUTE,
    caller: process.env.FUZZ_CALLER,
  });
  for (const failure of figures.failures.slice(0, show)) console.log(failure);
  console.log(summary(figures));
  process.exitCode = figures.failedCases > 0 ? 1 : 0;
} finally {
  await world.destroy();
}
