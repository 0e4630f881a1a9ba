import { createComponent } from '../../modules/availability/services/create-component.ts';
import { systemActor } from '../../platform/services/actor.ts';
import type { ServiceContext } from '../../platform/services/context.ts';
import { createOrganisation } from '../../modules/access/services/create-organisation.ts';
import { createService } from '../../modules/access/services/create-service.ts';
import { provisionMember } from '../../modules/access/services/provision-member.ts';
import { builtInCalendars } from '../../platform/domain/calendar/calendar-registry.ts';
import type { Clock } from '../../platform/domain/clock.ts';
import type { Role } from '../../platform/domain/roles.ts';
import type { Store } from '../../platform/db/database.ts';
import { seedDemoAvailability } from './demo-availability.ts';
import { seedDemoBilling } from './demo-billing.ts';
import { seedDemoCases } from './demo-cases.ts';
import { seedDemoReportContent } from './demo-report-content.ts';
import { seedDemoSupport } from './demo-support.ts';
import { demoComponents, demoOperator, demoOwners, demoParty } from './demo-organisations.ts';
import { seedDemoRecentUsage } from './demo-usage-recent.ts';
import { seedDemoUsage } from './demo-usage.ts';
import { defaultInputLimits } from '../../platform/domain/input-bounds.ts';

export const demoPassword = 'demo-passord-2026';

export interface DemoLogin {
  email: string;
  role: Role;
  organisation: string;
}

export interface SeedResult {
  seeded: boolean;
  logins: DemoLogin[];
}

function demoLogins(): DemoLogin[] {
  const owners = demoOwners.slice(0, 4).flatMap((o): DemoLogin[] => [
    { email: `admin@${o.code}.demo.niva.no`, role: 'owner-admin', organisation: o.code },
    { email: `medarbeider@${o.code}.demo.niva.no`, role: 'owner-member', organisation: o.code },
  ]);
  return [
    { email: 'admin@asf.demo.niva.no', role: 'operator-admin', organisation: demoOperator.code },
    { email: 'agent@asf.demo.niva.no', role: 'operator-agent', organisation: demoOperator.code },
    { email: 'revisor@asf.demo.niva.no', role: 'auditor', organisation: demoOperator.code },
    ...owners,
    { email: `admin@${demoParty.code}.demo.niva.no`, role: 'party-admin', organisation: demoParty.code },
    { email: `medarbeider@${demoParty.code}.demo.niva.no`, role: 'party-member', organisation: demoParty.code },
  ];
}

const names: Record<Role, string> = {
  'operator-admin': 'Ingrid Administrator',
  'operator-agent': 'Ola Servicedesk',
  auditor: 'Randi Revisor',
  'owner-admin': 'Kari Forvalter',
  'owner-member': 'Per Saksbehandler',
  'party-admin': 'Siri Postmottak',
  'party-member': 'Jon Arkivar',
};

/** Fills an empty database with the demo organisations, services, components and logins; a no-op otherwise. */
export async function seedDemo({ store, clock }: { store: Store; clock: Clock }): Promise<SeedResult> {
  const logins = demoLogins();
  const existing = await store.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false, logins };
  const ctx: ServiceContext = {
    db: store.db,
    dialect: store.dialect,
    clock,
    calendars: builtInCalendars(),
    limits: defaultInputLimits,
    actor: systemActor('demo-seed'),
    requestId: null,
  };
  const ids = new Map<string, string>();
  const operator = await createOrganisation(ctx, { ...demoOperator, kind: 'operator' });
  ids.set(operator.code, operator.id);
  for (const owner of demoOwners) {
    const org = await createOrganisation(ctx, {
      name: owner.name,
      code: owner.code,
      orgNumber: owner.orgNumber,
      contactEmail: owner.contactEmail,
    });
    ids.set(org.code, org.id);
    for (const s of owner.services) await createService(ctx, { organisationId: org.id, ...s });
  }
  const party = await createOrganisation(ctx, { ...demoParty, kind: 'party' });
  ids.set(party.code, party.id);
  for (const component of demoComponents) await createComponent(ctx, component);
  await seedDemoAvailability(ctx);
  await seedDemoUsage(ctx);
  await seedDemoRecentUsage(ctx);
  await seedDemoBilling(ctx);
  await seedDemoCases(
    ctx,
    demoOwners.map((o) => ({ code: o.code, services: o.services.map((s) => s.resourceId) })),
  );
  await seedDemoSupport(ctx);
  await seedDemoReportContent(ctx);
  for (const login of logins) {
    const organisationId = ids.get(login.organisation) ?? operator.id;
    const orgName = login.organisation.toUpperCase();
    await provisionMember(ctx, {
      organisationId,
      email: login.email,
      name: `${names[login.role]} (${orgName})`,
      role: login.role,
      password: demoPassword,
    });
  }
  return { seeded: true, logins };
}
