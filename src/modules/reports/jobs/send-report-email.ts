import type { Kysely } from 'kysely';
import { isLocale, translator } from '../../../platform/i18n/messages.ts';
import { layoutReport } from '../render/layout-report.ts';
import { renderReport, reportBaseName } from '../render/render-report.ts';
import { reportEmailPayload } from '../services/generate-service-report.ts';
import { getReportMailing } from '../services/get-report-mailing.ts';
import { systemActor } from '../../../platform/services/actor.ts';
import type { Database, Job } from '../../../platform/db/schema.ts';
import type { SendMail } from '../../../platform/mail/mail-transport.ts';

/**
 * Sends one archived version to one subscriber as a PDF in the subscriber's language. The PDF is rendered here from
 * the stored figures, so the outbox row stays small and the mail shows exactly the archived version.
 */
export function sendReportEmail({ db, send, publicUrl }: { db: Kysely<Database>; send: SendMail; publicUrl: string }) {
  return async (job: Job, raw: unknown): Promise<void> => {
    const { reportId, email, lang } = reportEmailPayload.parse(raw);
    const report = await getReportMailing({ db, actor: systemActor('Nivå report mail') }, { reportId, email });
    if (!report) return;
    const locale = isLocale(lang) ? lang : 'nb';
    const t = translator(locale);
    const doc = layoutReport(report.data, locale, { version: report.version, generatedAt: report.generatedAt });
    const baseName = reportBaseName(report.month, report.data.owner?.code ?? null, report.version);
    const pdf = await renderReport(doc, 'pdf', baseName);
    const url = `${publicUrl}/reports/archive/${reportId}`;
    const params = { title: doc.title, subtitle: doc.subtitle, version: report.version, url };
    await send(
      {
        to: [email],
        subject: t('report.mail.subject', params),
        text: t('report.mail.body', params),
        attachments: [{ filename: pdf.fileName, content: pdf.body, contentType: pdf.contentType }],
      },
      job,
    );
  };
}
