// The usage module: metering (CloudEvents in), imported monthly figures, adjustments, closed months and statistics.
import { defineModule } from '../../platform/module-manifest.ts';
import { usageAdminRoutes } from './api/usage-admin-routes.ts';
import { usageEventRoutes } from './api/usage-event-routes.ts';
import { usageImportRoutes } from './api/usage-import-routes.ts';
import { usageStatisticsRoutes } from './api/usage-statistics-routes.ts';
import { messages } from './i18n/catalogue.ts';
import { pruneUsageKeys } from './services/prune-usage-keys.ts';
import { closeDueUsageMonths } from './services/usage-month-closing.ts';
import { usageStatisticsPages } from './web/usage-statistics-pages.tsx';

export const manifest = defineModule({
  name: 'usage',
  api: [
    { order: 120, router: usageStatisticsRoutes },
    { order: 130, router: usageImportRoutes },
    { order: 140, router: usageEventRoutes },
    { order: 150, router: usageAdminRoutes },
  ],
  pages: [{ order: 80, router: usageStatisticsPages }],
  nav: [{ order: 40, href: '/statistics', label: 'nav.statistics', action: 'usage.read' }],
  tasks: ({ usage, systemContext }) => {
    // Hourly: usage months past their grace period are closed (a conditional insert, once across nodes), and dedupe
    // keys older than the window are forgotten.
    const usageContext = systemContext('usage housekeeping');
    return [
      {
        order: 40,
        name: 'usage-close',
        everyMs: 3_600_000,
        run: () => closeDueUsageMonths(usageContext, usage).then(() => undefined),
      },
      {
        order: 50,
        name: 'usage-key-prune',
        everyMs: 3_600_000,
        run: () => pruneUsageKeys(usageContext, usage).then(() => undefined),
      },
    ];
  },
  messages,
});
