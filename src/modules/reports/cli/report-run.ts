// The report's renderers (PDFKit, ExcelJS, React) load only when a report is asked for, not on every `niva` command.
import { writeFileSync } from 'node:fs';
import { isLocale, type Locale } from '../../../platform/i18n/messages.ts';
import { layoutReport } from '../render/layout-report.ts';
import { reportBaseName, reportFormats, renderReport, type ReportFormatName } from '../render/render-report.ts';
import { isAppError } from '../../../platform/services/app-error.ts';
import { collectReportData } from '../services/collect-report-data.ts';
import { generateServiceReport } from '../services/generate-service-report.ts';
import { getArchivedReport } from '../services/archived-reports.ts';
import { usageCatalogueFrom } from '../../usage/index.ts';
import { type CliRun, UsageError } from '../../../platform/cli/cli-run.ts';
import { monthArg } from '../../../platform/cli/args.ts';

export interface ReportOptions {
  month?: string;
  owner?: string;
  format: string;
  out: string;
  lang: string;
  table?: string;
  archive?: boolean;
  json?: boolean;
}

async function settings(run: CliRun) {
  const config = await run.config();
  return { contacts: config.reportContacts, catalogue: usageCatalogueFrom(config.usage.file) };
}

/** Service errors about an input become a usage line naming the option the user typed. */
function asOptionError(error: unknown): never {
  if (isAppError(error)) {
    const field = error.fields[0]?.field;
    if (field === 'month' || field === 'owner' || field === 'table')
      throw new UsageError(`--${field}: ${error.fields[0]?.message ?? error.message}`);
  }
  throw error;
}

export async function report(run: CliRun, opts: ReportOptions): Promise<void> {
  if (!(reportFormats as readonly string[]).includes(opts.format))
    throw new UsageError(`--format: one of ${reportFormats.join(', ')}: ${opts.format}`);
  if (!isLocale(opts.lang)) throw new UsageError(`--lang: one of nb, nn, en: ${opts.lang}`);
  if (opts.month !== undefined) monthArg('--month', opts.month);
  const format = opts.format as ReportFormatName;
  const lang: Locale = opts.lang;
  const input = {
    ...(opts.month === undefined ? {} : { month: opts.month }),
    ...(opts.owner === undefined ? {} : { owner: opts.owner }),
  };
  const result = await run.withStore(async (store) => {
    const ctx = await run.context(store);
    try {
      if (opts.archive) {
        const archived = await generateServiceReport(ctx, input, await settings(run), { trigger: 'manual' });
        // Rendered from what was stored, so the file is exactly the archived version.
        const full = await getArchivedReport(ctx, archived.id);
        const doc = layoutReport(full.data, lang, { version: archived.version, generatedAt: archived.generatedAt });
        return {
          rendered: await renderReport(
            doc,
            format,
            reportBaseName(archived.month, archived.ownerCode, archived.version),
            opts.table,
          ),
          month: archived.month,
          version: archived.version,
        };
      }
      const data = await collectReportData(ctx, input, await settings(run));
      const doc = layoutReport(data, lang);
      return {
        rendered: await renderReport(doc, format, reportBaseName(data.month, data.owner?.code ?? null), opts.table),
        month: data.month,
        version: null,
      };
    } catch (error) {
      asOptionError(error);
    }
  });
  writeFileSync(opts.out, result.rendered.body);
  run.print(
    !!opts.json,
    {
      month: result.month,
      owner: opts.owner ?? null,
      format,
      out: opts.out,
      bytes: result.rendered.body.length,
      version: result.version,
    },
    `${opts.out}: ${format}, ${result.rendered.body.length} bytes, ${result.month}${result.version === null ? '' : `, version ${result.version}`}`,
  );
}
