import { writeFileSync } from 'node:fs';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';
import { numberOption } from '../../../platform/cli/args.ts';
import { isLocale } from '../../../platform/i18n/messages.ts';
import { isAppError } from '../../../platform/services/app-error.ts';
import { usageCatalogueFrom } from '../../usage/index.ts';
import { parseGrowth } from '../services/growth-text.ts';
import { listStatements, statementDocument } from '../services/billing-statements.ts';
import { compareFinancingScenarios } from '../services/financing-scenarios.ts';
import { runBilling } from '../services/run-billing.ts';
import { verifyStatement } from '../services/verify-statement.ts';
import { formatNok } from '../render/money.ts';
import { isStatementFormat, statementFormats } from '../render/render-statement.ts';

const formatOre = (ore: number) => `NOK ${formatNok(ore, 'en')}`;

/** A service's complaint about an input becomes a usage line naming the option that was typed. */
function asOptionError(error: unknown, options: Record<string, string>): never {
  if (isAppError(error)) {
    const field = error.fields[0]?.field.split('.')[0];
    const option = field === undefined ? undefined : options[field];
    if (option) throw new UsageError(`${option}: ${error.fields[0]?.message ?? error.message}`);
  }
  throw error;
}

const year = (value: string) => numberOption('--year', value, { min: 2000, max: 2100 }, 'a year such as 2026');

export async function billingRun(
  run: CliRun,
  opts: { year: string; quarter?: string; dryRun?: boolean; json?: boolean },
): Promise<void> {
  const input = {
    year: year(opts.year),
    quarter: opts.quarter === undefined ? null : numberOption('--quarter', opts.quarter, { min: 1, max: 4 }, '1–4'),
    dryRun: !!opts.dryRun,
  };
  const result = await run.withStore(async (store) =>
    runBilling(await run.context(store), input).catch((e: unknown) =>
      asOptionError(e, { year: '--year', quarter: '--quarter' }),
    ),
  );
  const period = result.quarter === null ? String(result.year) : `${result.year} Q${result.quarter}`;
  const lines = result.statements.map(
    (s) =>
      `  ${(s.number ?? '(dry run)').padEnd(11)} ${s.owner.padEnd(12)} ${s.purpose === 'correction' ? 'correction ' : ''}${s.kind} ${formatOre(s.totalOre)}`,
  );
  const human =
    result.statements.length === 0
      ? `${period}: nothing new to bill`
      : [
          `${period}: ${result.dryRun ? 'would issue' : 'issued'} ${result.statements.length} statement(s), ${formatOre(result.totalOre)} in all`,
          ...lines,
        ].join('\n');
  run.print(!!opts.json, { ...result }, human);
}

export async function billingScenario(
  run: CliRun,
  opts: { alternative?: string; year: string; extraNeedMnok?: string; growth?: string; json?: boolean },
): Promise<void> {
  const alternative =
    opts.alternative === undefined ? null : numberOption('--alternative', opts.alternative, { min: 0, max: 99 }, '0–5');
  let extraNeedMnok: number | undefined;
  if (opts.extraNeedMnok !== undefined) {
    if (!/^-?\d+(\.\d{1,2})?$/.test(opts.extraNeedMnok))
      throw new UsageError(`--extra-need-mnok: a number of MNOK such as 60: ${opts.extraNeedMnok}`);
    extraNeedMnok = Number(opts.extraNeedMnok);
  }
  const options = {
    year: '--year',
    extraNeedMnok: '--extra-need-mnok',
    growth: '--growth',
    alternative: '--alternative',
  };
  let growth: Record<string, number>;
  try {
    growth = parseGrowth(opts.growth);
  } catch (error) {
    asOptionError(error, options);
  }
  const comparison = await run.withStore(async (store) =>
    compareFinancingScenarios(await run.context(store), {
      year: year(opts.year),
      growth,
      ...(extraNeedMnok === undefined ? {} : { extraNeedMnok }),
    }).catch((e: unknown) => asOptionError(e, options)),
  );
  const chosen =
    alternative === null
      ? comparison.alternatives
      : comparison.alternatives.filter((a) => a.alternative === alternative);
  if (chosen.length === 0) throw new UsageError(`--alternative: no financing alternative ${alternative}`);
  const human = chosen
    .map(
      (a) =>
        `Alternative ${a.alternative} (${a.names.en}), ${a.year}: total ${formatOre(a.totalOre)}, central ${formatOre(a.centralOre)}, owners ${formatOre(a.ownersOre)}`,
    )
    .join('\n');
  const contract = (a: (typeof chosen)[number]) => ({
    alternative: a.alternative,
    year: a.year,
    totalOre: a.totalOre,
    centralOre: a.centralOre,
    ownersOre: a.ownersOre,
    owners: a.owners.map((o) => ({ owner: o.owner, ore: o.ore })),
  });
  const first = chosen[0];
  run.print(!!opts.json, alternative === null || first === undefined ? chosen.map(contract) : contract(first), human);
}

export async function billingStatement(
  run: CliRun,
  opts: { owner: string; year: string; number?: string; format: string; out: string; lang: string; json?: boolean },
): Promise<void> {
  const format = opts.format;
  if (!isStatementFormat(format)) throw new UsageError(`--format: one of ${statementFormats.join(', ')}: ${format}`);
  if (!isLocale(opts.lang)) throw new UsageError(`--lang: one of nb, nn, en: ${opts.lang}`);
  const lang = opts.lang;
  const y = year(opts.year);
  const catalogue = usageCatalogueFrom((await run.config()).usage.file);
  const metricName = (id: string) => catalogue.metrics.find((m) => m.id === id)?.names[lang] ?? id;
  const doc = await run.withStore(async (store) => {
    const ctx = await run.context(store);
    const statements = await listStatements(ctx, { year: y, owner: opts.owner });
    const chosen = opts.number === undefined ? statements[0] : statements.find((s) => s.number === opts.number);
    if (!chosen)
      throw new UsageError(
        opts.number === undefined
          ? `--owner: ${opts.owner} has no statement for ${y}`
          : `--number: ${opts.number} is not a statement of ${opts.owner} for ${y}`,
      );
    return statementDocument(ctx, chosen.number, lang, metricName);
  });
  const render = await import('../render/render-statement.ts');
  const bytes = await render.renderStatement(doc, format, lang);
  writeFileSync(opts.out, bytes);
  run.print(
    !!opts.json,
    { number: doc.number, owner: doc.buyer.code, format: opts.format, file: opts.out, totalOre: doc.totalOre },
    `${opts.out}: statement ${doc.number} (${doc.buyer.code}, ${formatOre(doc.totalOre)}) as ${opts.format}`,
  );
}

export async function billingVerify(run: CliRun, opts: { number: string; json?: boolean }): Promise<void> {
  const result = await run.withStore(async (store) => verifyStatement(await run.context(store), opts.number));
  run.print(
    !!opts.json,
    { ...result },
    result.matches
      ? `${result.number}: rated again from its snapshot, it matches to the øre (${formatOre(result.totalOre)})`
      : `${result.number}: does NOT match (snapshot ${result.snapshotIntact ? 'intact' : 'changed'}, price list ${result.priceListIntact ? 'intact' : 'changed'}, expected ${formatOre(result.expectedTotalOre)})`,
  );
  if (!result.matches) run.exitCode = 1;
}
