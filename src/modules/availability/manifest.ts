// The availability module: outages, planned work, monitors and probes, monthly figures, the public status page and its
// subscriptions.
import { defineModule, type ScheduledTask } from '../../platform/module-manifest.ts';
import { availabilityRoutes } from './api/availability-routes.ts';
import { monitorIntakeRoutes, monitorRoutes } from './api/monitor-routes.ts';
import { messages } from './i18n/catalogue.ts';
import { deliverStatusWebhook, sendStatusEmail } from './jobs/send-status-notice.ts';
import { freezeClosedMonths } from './services/freeze-closed-months.ts';
import { runDueProbes } from './services/run-due-probes.ts';
import { statusEmailJob, statusWebhookJob } from './services/status-subscriptions.ts';
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
      handler: ({ store, clock }) => deliverStatusWebhook({ db: store.db, now: () => clock.now() }),
    },
    {
      kind: statusEmailJob,
      sendsMail: true,
      handler: ({ store, send, publicUrl, linkSecret }) =>
        sendStatusEmail({ db: store.db, send, publicUrl, linkSecret }),
    },
  ],
  tasks: ({ config, systemContext }) => {
    const tasks: ScheduledTask[] = [];
    if (config.probesEnabled) {
      // Every 5 s, so a 10 s monitor keeps its rhythm; each slot is claimed by a conditional update, once across nodes.
      const probeContext = systemContext('monitor probes');
      tasks.push({
        order: 20,
        name: 'probes',
        everyMs: 5_000,
        run: () => runDueProbes(probeContext, (url, init) => fetch(url, init)),
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
    return tasks;
  },
  messages,
});
