// The cases module: incidents, requests and changes with their SLA clocks, notices and alerts.
import { defineModule } from '../../platform/module-manifest.ts';
import { deliverWebhook } from '../../platform/webhooks/deliver-webhook.ts';
import { caseRoutes } from './api/case-routes.ts';
import { messages } from './i18n/catalogue.ts';
import { sendCaseEmail } from './jobs/send-case-email.ts';
import { caseEmailJob, webhookDeliverJob } from './services/queue-case-notice.ts';
import { scanCaseAlerts } from './services/scan-case-alerts.ts';
import { casePages } from './web/case-pages.tsx';

export const manifest = defineModule({
  name: 'cases',
  api: [{ order: 50, router: caseRoutes }],
  pages: [{ order: 60, router: casePages }],
  nav: [{ order: 20, href: '/cases', label: 'nav.cases', action: 'case.read' }],
  jobs: [
    {
      kind: webhookDeliverJob,
      handler: ({ store, clock, outbound }) => deliverWebhook({ db: store.db, now: () => clock.now(), outbound }),
    },
    {
      kind: caseEmailJob,
      sendsMail: true,
      handler: ({ store, clock, calendars, publicUrl, send }) =>
        sendCaseEmail({ store, clock, calendars, publicUrl, send }),
    },
  ],
  tasks: ({ config, systemContext }) => {
    const scanContext = systemContext('SLA scan');
    // Every node scans: each alert is claimed by a conditional update, so more scanners only mean sooner alerts.
    return [{ order: 10, name: 'sla-scan', everyMs: config.slaScanMs, run: () => scanCaseAlerts(scanContext) }];
  },
  messages,
});
