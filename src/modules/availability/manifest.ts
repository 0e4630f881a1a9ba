// The availability module: outages, planned work, monitors and probes, monthly figures, the public status page and its
// subscriptions.
import { defineModule, type ScheduledTask } from '../../platform/module-manifest.ts';
import { availabilityRoutes } from './api/availability-routes.ts';
import { monitorIntakeRoutes, monitorRoutes } from './api/monitor-routes.ts';
import { messages } from './i18n/catalogue.ts';
import { deliverStatusWebhook, sendStatusEmail } from './jobs/send-status-notice.ts';
import { freezeClosedMonths } from './services/freeze-closed-months.ts';
import { runDueProbes } from './services/run-due-probes.ts';
import { expirePendingWebhooks } from './services/expire-pending-webhooks.ts';
import { statusEmailJob, statusWebhookJob, statusWebhookVerifyJob } from './services/status-subscriptions.ts';
import { verifyStatusWebhook } from './jobs/verify-status-webhook.ts';
import { outboundSender } from '../../platform/net/outbound-request.ts';
import { availabilityPages } from './web/availability-pages.tsx';
import { publicStatusPages } from './web/public-status-pages.tsx';
import { subscribePages } from './web/subscribe-pages.tsx';

export const manifest = defineModule({
  name: 'availability',
  api: [
    { order: 80, router: monitorRoutes },
    { order: 90, router: monitorIntakeRoutes },
    { order: 100, router: availabilityRoutes },
  ],
  pages: [
    { order: 70, router: availabilityPages },
    { order: 100, router: publicStatusPages },
    { order: 110, router: subscribePages },
  ],
  nav: [{ order: 30, href: '/availability', label: 'nav.availability', action: 'availability.read' }],
  jobs: [
    {
      kind: statusWebhookJob,
      handler: ({ store, clock, outbound }) => deliverStatusWebhook({ db: store.db, now: () => clock.now(), outbound }),
    },
    {
      kind: statusWebhookVerifyJob,
      handler: ({ store, clock, outbound }) => verifyStatusWebhook({ db: store.db, clock, outbound }),
    },
    {
      kind: statusEmailJob,
      sendsMail: true,
      handler: ({ store, send, publicUrl, linkSecret }) =>
        sendStatusEmail({ db: store.db, send, publicUrl, linkSecret }),
    },
  ],
  tasks: ({ config, systemContext, outbound }) => {
    const tasks: ScheduledTask[] = [];
    if (config.probesEnabled) {
      // Every 5 s, so a 10 s monitor keeps its rhythm; each slot is claimed by a conditional update, once across nodes.
      const probeContext = systemContext('monitor probes');
      const send = outboundSender(outbound);
      tasks.push({
        order: 20,
        name: 'probes',
        everyMs: 5_000,
        run: () => runDueProbes(probeContext, send),
      });
    }
    // Hourly: closed months (past a grace period for late corrections) are frozen into rollups, once across nodes.
    const freezeContext = systemContext('availability freeze');
    tasks.push({
      order: 30,
      name: 'availability-freeze',
      everyMs: 3_600_000,
      run: () => freezeClosedMonths(freezeContext),
    });
    // Hourly: status webhooks never verified within their window end, once across nodes (a conditional update).
    const expiryContext = systemContext('status webhook expiry');
    tasks.push({
      order: 35,
      name: 'status-webhook-expiry',
      everyMs: 3_600_000,
      run: () => expirePendingWebhooks(expiryContext),
    });
    return tasks;
  },
  messages,
});
