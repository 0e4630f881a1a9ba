// The access module: organisations, services, users and roles, API tokens, webhooks, the audit log, the jobs page and
// the outgoing-message log.
import { defineModule } from '../../platform/module-manifest.ts';
import { accessRoutes } from './api/access-routes.ts';
import { auditRoutes } from './api/audit-routes.ts';
import { outgoingRoutes } from './api/outgoing-routes.ts';
import { organisationRoutes } from './api/organisation-routes.ts';
import { serviceRoutes } from './api/service-routes.ts';
import { webhookRoutes } from './api/webhook-routes.ts';
import { messages } from './i18n/catalogue.ts';
import { auditPages } from './web/audit-pages.tsx';
import { homePage } from './web/home-page.tsx';
import { invitationPages } from './web/invitation-pages.tsx';
import { organisationPages } from './web/organisation-pages.tsx';
import { outgoingPages } from './web/outgoing-pages.tsx';
import { pruneOutgoingMessages } from '../../platform/outgoing/prune-outgoing-messages.ts';
import { tokenPages } from './web/token-pages.tsx';
import { userPages } from './web/user-pages.tsx';

export const manifest = defineModule({
  name: 'access',
  api: [
    { order: 10, router: organisationRoutes },
    { order: 20, router: serviceRoutes },
    { order: 30, router: accessRoutes },
    { order: 40, router: auditRoutes },
    { order: 45, router: outgoingRoutes },
    { order: 70, router: webhookRoutes },
  ],
  pages: [
    { order: 10, router: homePage },
    { order: 20, router: organisationPages },
    { order: 30, router: userPages },
    { order: 35, router: invitationPages },
    { order: 40, router: tokenPages },
    { order: 50, router: auditPages },
    { order: 55, router: outgoingPages },
  ],
  nav: [
    { order: 10, href: '/', label: 'nav.home', action: null },
    { order: 80, href: '/organisations', label: 'nav.organisations', action: null },
    { order: 90, href: '/users', label: 'nav.users', action: null },
    { order: 100, href: '/tokens', label: 'nav.tokens', action: null },
    { order: 110, href: '/audit', label: 'nav.audit', action: 'audit.read' },
    { order: 120, href: '/jobs', label: 'nav.jobs', action: 'job.read' },
    { order: 125, href: '/outgoing', label: 'nav.outgoing', action: 'job.read' },
  ],
  tasks: ({ config, systemContext }) => {
    // Hourly: the outgoing-message log forgets what is older than NIVA_OUTGOING_KEEP_DAYS (on every node; deleting
    // the same rows twice is harmless).
    const pruneContext = systemContext('outgoing log pruning');
    return [
      {
        order: 70,
        name: 'outgoing-prune',
        everyMs: 3_600_000,
        run: () => pruneOutgoingMessages(pruneContext, { keepDays: config.outgoingKeepDays }),
      },
    ];
  },
  messages,
});
