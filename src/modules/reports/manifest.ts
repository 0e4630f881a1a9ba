// The reports module: the monthly service report, its content (news, roadmap, meetings) and its subscribers.
import { defineModule } from '../../platform/module-manifest.ts';
import { reportContentRoutes } from './api/report-content-routes.ts';
import { reportRoutes } from './api/report-routes.ts';
import { messages } from './i18n/catalogue.ts';
import { sendReportEmail } from './jobs/send-report-email.ts';
import { reportEmailJob } from './services/generate-service-report.ts';
import { runScheduledReports } from './services/run-scheduled-reports.ts';
import { reportContentPages } from './web/report-content-pages.tsx';
import { reportSubscriptionPages } from './web/report-content-subscriptions.tsx';
import { reportPages } from './web/report-pages.tsx';

export const manifest = defineModule({
  name: 'reports',
  api: [
    { order: 160, router: reportContentRoutes },
    { order: 170, router: reportRoutes },
  ],
  pages: [
    { order: 130, router: reportContentPages },
    { order: 140, router: reportPages },
    { order: 150, router: reportSubscriptionPages },
  ],
  nav: [{ order: 60, href: '/reports', label: 'nav.reports', action: 'report.read' }],
  jobs: [
    {
      kind: reportEmailJob,
      sendsMail: true,
      handler: ({ store, send, publicUrl }) => sendReportEmail({ db: store.db, send, publicUrl }),
    },
  ],
  tasks: ({ config, usage, systemContext }) => {
    // Every 10 minutes: from 07:00 on the first business day of a month, last month's reports are archived and
    // mailed, once across nodes (the month's run row is claimed by a conditional insert).
    const reportContext = systemContext('monthly service report');
    const reportSettings = { contacts: config.reportContacts, catalogue: usage.catalogue };
    return [
      {
        order: 60,
        name: 'report-schedule',
        everyMs: 600_000,
        run: () => runScheduledReports(reportContext, reportSettings).then(() => undefined),
      },
    ];
  },
  messages,
});
