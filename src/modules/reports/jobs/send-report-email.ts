import type { Kysely } from 'kysely';
import { isLocale, translator } from '../../../platform/i18n/messages.ts';
import { layoutReport } from '../render/layout-report.ts';
import type { ReportData } from '../domain/report-data.ts';
import { reportEmailPayload } from '../services/generate-service-report.ts';
import type { Database, Job } from '../../../platform/db/schema.ts';
import type { SendMail } from '../../../platform/mail/mail-transport.ts';

/**
 * Sends one archived version to one subscriber as a PDF in the subscriber's language. The PDF is rendered here from
 * the stored figures, so the outbox row stays small and the mail shows exactly the archived version.
 */
export function sendReportEmail({ db, send, publicUrl }: { db: Kysely<Database>; send: SendMail; publicUrl: string }) {
  return async (_job: Job, raw: unknown): Promise<void> => {
    const { reportId, email, lang } = reportEmailPayload.parse(raw);
    const report = await db
      .selectFrom('service_reports')
      .select(['owner_id', 'month', 'version', 'generated_at', 'data'])
      .where('id', '=', reportId)
      .executeTakeFirst();
    if (!report) return;
    // Checked when sending, not only when queueing: an unsubscribe in between must stop the message.
    const subscribed = await db
      .selectFrom('report_subscriptions')
      .select('id')
      .where('owner_id', '=', report.owner_id)
      .where('email', '=', email)
      .executeTakeFirst();
    if (!subscribed) return;
    const locale = isLocale(lang) ? lang : 'nb';
    const t = translator(locale);
    const doc = layoutReport(JSON.parse(report.data) as ReportData, locale, {
      version: Number(report.version),
      generatedAt: Number(report.generated_at),
    });
    const pdf = await (await import('../render/render-report-pdf.ts')).renderReportPdf(doc);
    const url = `${publicUrl}/reports/archive/${reportId}`;
    const params = { title: doc.title, subtitle: doc.subtitle, version: Number(report.version), url };
    await send({
      to: [email],
      subject: t('report.mail.subject', params),
      text: t('report.mail.body', params),
      attachments: [
        {
          filename: `servicerapport-${report.month}${report.owner_id ? '' : '-plattform'}-v${report.version}.pdf`,
          content: pdf,
          contentType: 'application/pdf',
        },
      ],
    });
  };
}
