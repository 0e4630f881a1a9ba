// The organisations of bench:cases: the operator with its agents and the benchmark's API token, and the service owners
// with a few services each, made through the application's own services.
import type { Actor } from '../src/platform/services/actor.ts';
import type { ServiceContext } from '../src/platform/services/context.ts';
import { createOrganisation } from '../src/modules/access/services/create-organisation.ts';
import { createService } from '../src/modules/access/services/create-service.ts';
import { createApiToken } from '../src/modules/access/services/create-api-token.ts';
import { provisionMember } from '../src/modules/access/services/provision-member.ts';
import type { Agent, Owner } from './case-fixtures.ts';

export const ownerCount = 60;
const agentCount = 12;

/** A nine-digit organisation number with a valid MOD11 check digit, drawn from `random`. */
function orgNumber(random: () => number): string {
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) =>
      i === 0 ? 8 + Math.floor(random() * 2) : Math.floor(random() * 10),
    );
    const rest = digits.reduce((s, d, i) => s + d * (weights[i] ?? 0), 0) % 11;
    const check = rest === 0 ? 0 : 11 - rest;
    if (check !== 10) return [...digits, check].join('');
  }
}

export interface Setup {
  owners: Owner[];
  agents: Agent[];
  secret: string;
  tokenActor: Actor;
}

/** The operator with its agents and the benchmark's token, and the service owners with a few services each. */
export async function setUp(ctx: ServiceContext, random: () => number): Promise<Setup> {
  const used = new Set<string>();
  const freshOrgNumber = (): string => {
    for (;;) {
      const n = orgNumber(random);
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const operator = await createOrganisation(ctx, {
    kind: 'operator',
    name: 'Digitaliseringsdirektoratet',
    code: 'digdir',
    orgNumber: freshOrgNumber(),
    contactEmail: 'servicedesk@digdir.example.no',
  });
  const agents: Agent[] = [];
  for (let i = 1; i <= agentCount; i++) {
    const name = `Saksbehandler ${i}`;
    const { userId } = await provisionMember(ctx, {
      organisationId: operator.id,
      email: `agent${i}@digdir.example.no`,
      name,
      role: 'operator-agent',
    });
    agents.push({ id: userId, name });
  }
  const owners: Owner[] = [];
  for (let i = 1; i <= ownerCount; i++) {
    const code = `etat${String(i).padStart(2, '0')}`;
    const organisation = await createOrganisation(ctx, {
      name: `Etat ${i}`,
      code,
      orgNumber: freshOrgNumber(),
      contactEmail: `post@${code}.example.no`,
    });
    const serviceIds: string[] = [];
    for (let s = 1; s <= 3; s++)
      serviceIds.push(
        (
          await createService(ctx, {
            organisationId: organisation.id,
            name: `Tjeneste ${s} for etat ${i}`,
            platform: s === 1 ? 'altinn2' : 'altinn3',
            resourceId: `${code}-tjeneste-${s}`,
          })
        ).id,
      );
    const { token } = await createApiToken(ctx, {
      organisationId: organisation.id,
      name: 'fagsystem',
      scopes: ['cases:write'],
    });
    owners.push({
      id: organisation.id,
      serviceIds,
      tokenId: token.id,
      tokenLabel: `token:${token.prefix}:${token.name}`,
    });
  }
  const { token, secret } = await createApiToken(ctx, {
    organisationId: operator.id,
    name: 'bench-agent',
    scopes: ['cases:work'],
  });
  const tokenActor: Actor = {
    type: 'token',
    id: token.id,
    label: `token:${token.prefix}:${token.name}`,
    organisationId: operator.id,
    organisationKind: 'operator',
    scopes: ['cases:work'],
  };
  return { owners, agents, secret, tokenActor };
}
