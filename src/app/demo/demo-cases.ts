import type { LifecycleEvent } from '../../modules/cases/domain/case-lifecycle.ts';
import type { CaseKind } from '../../modules/cases/domain/case-types.ts';
import type { IncidentCategory } from '../../platform/domain/sla/policies.ts';
import type { ServiceContext } from '../../platform/services/context.ts';
import { registerCase } from '../../modules/cases/services/register-case.ts';
import { mulberry32 } from './seeded-random.ts';

const titles: Record<CaseKind, string[]> = {
  incident: [
    'Innsending feiler med feilkode 500',
    'Treg innlogging via ID-porten',
    'Meldingsboksen viser ikke nye meldinger',
    'Varsler på SMS sendes ikke',
    'Skjema låser seg ved vedlegg over 5 MB',
    'Tilgangsstyring gir feil roller',
    'API svarer med tidsavbrudd',
    'Signering feiler for enkelte brukere',
  ],
  'support-request': [
    'Hvordan gir vi tilgang til en ny saksbehandler?',
    'Spørsmål om testmiljøet (TT02)',
    'Hjelp med oppsett av maskinporten-klient',
    'Hvor finner vi statistikk for tjenesten?',
    'Feil i teksten på kvitteringssiden',
    'Behov for ny rolle i tilgangsstyringen',
  ],
  'change-request': [
    'Ønske om støtte for flere vedleggstyper',
    'Behov for utvidet varsling ved frister',
    'Mulighet for å forhåndsutfylle fra register',
    'Eksport av innsendte data som CSV',
  ],
  'deletion-request': ['Sletting av data publisert ved en feil'],
  'deactivation-order': ['Deaktivering av gammel skjemaversjon'],
};

const minute = 60_000;
const day = 86_400_000;

interface Plan {
  kind: CaseKind;
  category: IncidentCategory | null;
  registeredAt: number;
  history: LifecycleEvent[];
}

/** A plausible life for a case registered at `at`: how fast work starts, whether it pauses, when it ends. */
function life(
  rand: () => number,
  kind: CaseKind,
  category: IncidentCategory | null,
  at: number,
  now: number,
): LifecycleEvent[] {
  const events: LifecycleEvent[] = [];
  let t = at;
  const step = (minutes: number) => (t = Math.min(now, t + Math.max(1, Math.round(minutes)) * minute));
  const startMinutes = category === 'A' ? 10 + rand() * 70 : category === 'B' ? 20 + rand() * 150 : 60 + rand() * 2000;
  events.push({ type: 'work-started', at: step(startMinutes) });
  if (kind === 'change-request') events.push({ type: 'qualified', at: step(rand() * 20 * 24 * 60) });
  if (rand() < 0.15 && kind !== 'deletion-request' && kind !== 'deactivation-order') {
    events.push({ type: 'paused', at: step(30 + rand() * 300), body: 'Venter på svar fra tjenesteeier' });
    events.push({ type: 'resumed', at: step(60 + rand() * 1500) });
  }
  if (kind === 'incident' && category === 'C' && rand() < 0.4)
    events.push({ type: 'workaround', at: step(rand() * 2 * 24 * 60) });
  const resolveMinutes =
    category === 'A' ? 30 + rand() * 240 : category === 'B' ? 60 + rand() * 1200 : 200 + rand() * 5 * 24 * 60;
  events.push({ type: 'resolved', at: step(resolveMinutes), body: 'Feilen er rettet og verifisert.' });
  if (rand() < 0.9) events.push({ type: 'feedback-given', at: step(rand() * 60), body: 'Innmelder er informert.' });
  events.push({ type: 'closed', at: step(24 * 60 + rand() * 3 * 24 * 60) });
  return events.filter((e) => e.at < now);
}

function plans(now: number): Plan[] {
  const rand = mulberry32(2026);
  const pickKind = (): CaseKind => {
    const r = rand();
    return r < 0.35
      ? 'incident'
      : r < 0.8
        ? 'support-request'
        : r < 0.93
          ? 'change-request'
          : r < 0.97
            ? 'deletion-request'
            : 'deactivation-order';
  };
  const pickCategory = (): IncidentCategory => {
    const r = rand();
    return r < 0.05 ? 'A' : r < 0.4 ? 'B' : 'C';
  };
  const result: Plan[] = [];
  // Two years of history, about five cases a week, registered in working hours.
  for (let i = 0; i < 480; i++) {
    const kind = pickKind();
    const category = kind === 'incident' ? pickCategory() : null;
    const dayStart = now - Math.floor(rand() * 730 + 14) * day;
    const registeredAt =
      dayStart - (dayStart % day) + (7 + Math.floor(rand() * 8)) * 3_600_000 + Math.floor(rand() * 60) * minute;
    result.push({ kind, category, registeredAt, history: life(rand, kind, category, registeredAt, now - 13 * day) });
  }
  // The live queue: recent cases in every state, so clocks are seen running, at risk and breached.
  for (let i = 0; i < 14; i++) {
    const kind = pickKind();
    const category = kind === 'incident' ? pickCategory() : null;
    const registeredAt = now - Math.floor(rand() * 6 * 24 * 60) * minute;
    const history: LifecycleEvent[] =
      rand() < 0.4
        ? [
            {
              type: 'work-started',
              at: registeredAt + Math.floor(rand() * Math.min(240, (now - registeredAt) / minute)) * minute,
            },
          ]
        : [];
    result.push({ kind, category, registeredAt, history });
  }
  return result.sort((a, b) => a.registeredAt - b.registeredAt);
}

/** Registers the demo's case history and live queue across the given owners and their services. */
export async function seedDemoCases(
  ctx: ServiceContext,
  owners: { code: string; services: string[] }[],
): Promise<number> {
  const rand = mulberry32(7);
  const now = ctx.clock.now();
  let count = 0;
  for (const [i, plan] of plans(now).entries()) {
    const owner = owners[Math.floor(rand() * owners.length)];
    if (!owner) continue;
    const list = titles[plan.kind];
    const title = list[Math.floor(rand() * list.length)] ?? plan.kind;
    const service = owner.services[Math.floor(rand() * owner.services.length)];
    const platformWide = plan.kind === 'incident' && plan.category === 'A' && rand() < 0.5;
    await registerCase(
      ctx,
      {
        organisationId: platformWide ? null : owner.code,
        kind: plan.kind,
        category: plan.category,
        title,
        description: `${title}. Registrert i demodataene.`,
        channel: rand() < 0.3 ? 'phone' : rand() < 0.5 ? 'email' : 'web',
        ...(service && !platformWide ? { serviceId: service } : {}),
        reporterName: 'Demo Innmelder',
        reporterEmail: `innmelder@${owner.code}.demo.niva.no`,
        registeredAt: plan.registeredAt,
        externalId: `demo-${i}`,
      },
      { history: plan.history },
    );
    count++;
  }
  return count;
}
