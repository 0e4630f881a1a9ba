// The support module: call and e-mail logs of the support lines and their KPIs.
import { defineModule } from '../../platform/module-manifest.ts';
import { supportRoutes } from './api/support-routes.ts';
import { messages } from './i18n/catalogue.ts';
import { supportPages } from './web/support-pages.tsx';

export const manifest = defineModule({
  name: 'support',
  api: [{ order: 110, router: supportRoutes }],
  pages: [{ order: 120, router: supportPages }],
  nav: [{ order: 50, href: '/support', label: 'nav.support', action: 'support.read' }],
  messages,
});
