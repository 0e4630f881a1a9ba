// The mail-in module: cases and comments received by e-mail (`niva mail-in`), and the quarantine of the rest.
import { defineModule } from '../../platform/module-manifest.ts';
import { mailRoutes } from './api/mail-routes.ts';
import { messages } from './i18n/catalogue.ts';
import { mailQuarantinePages } from './web/mail-quarantine-pages.tsx';

export const manifest = defineModule({
  name: 'mail-in',
  api: [{ order: 60, router: mailRoutes }],
  pages: [{ order: 90, router: mailQuarantinePages }],
  nav: [{ order: 70, href: '/mail-quarantine', label: 'nav.mailQuarantine', action: 'mail.quarantine' }],
  messages,
});
