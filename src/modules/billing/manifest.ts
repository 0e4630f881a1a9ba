// The billing module: products, costs, price lists, financing alternatives, billing runs and statements.
import { defineModule } from '../../platform/module-manifest.ts';
import { billingConfigRoutes } from './api/billing-config-routes.ts';
import { billingExportRoutes } from './api/billing-export-routes.ts';
import { billingRunRoutes } from './api/billing-run-routes.ts';
import { billingStatementRoutes } from './api/billing-statement-routes.ts';
import { messages } from './i18n/catalogue.ts';
import { billingPages } from './web/billing-pages.tsx';
import { billingScenarioPages } from './web/billing-scenario-pages.tsx';

export const manifest = defineModule({
  name: 'billing',
  api: [
    { order: 165, router: billingExportRoutes },
    { order: 170, router: billingStatementRoutes },
    { order: 180, router: billingRunRoutes },
    { order: 190, router: billingConfigRoutes },
  ],
  pages: [
    { order: 160, router: billingPages },
    { order: 170, router: billingScenarioPages },
  ],
  // After the figures billing is made from (statistics 40, support 50) and beside the reports (60).
  nav: [{ order: 65, href: '/billing', label: 'nav.billing', action: 'billing.read' }],
  messages,
});
