import { Hono } from 'hono';
import { Card, Heading, Link, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { can, isPlatformActor } from '../../../platform/services/actor.ts';
import { listComponents } from '../../availability/index.ts';
import { jobCounts } from '../../../platform/jobs/list-jobs.ts';
import { listOrganisations } from '../services/list-organisations.ts';
import { listServices } from '../services/list-services.ts';
import {
  type ComponentItem,
  type OrganisationItem,
  presentComponentItem,
  presentOrganisationItem,
  presentServiceItem,
  type ServiceItem,
} from './access-model.ts';
import { formatPercent } from '../../../platform/web/format.ts';
import { Layout, type PageContext } from '../../../platform/web/layout.tsx';
import type { AppEnv } from '../../../platform/http/env.ts';
import { pageContext, render } from '../../../platform/web/render.tsx';
import { requireLogin, serviceContext } from '../../../platform/web/web-kit.ts';
import { ServicesTable } from './organisation-views.tsx';

function Figure({ label, value, href }: { label: string; value: number; href?: string }) {
  return (
    <Card data-color="neutral" className="niva-figure">
      <Card.Block>
        <Paragraph data-size="sm">{label}</Paragraph>
        <p className="niva-figure__value">{href ? <a href={href}>{value}</a> : value}</p>
      </Card.Block>
    </Card>
  );
}

function OperatorHome({
  page,
  owners,
  services,
  components,
  deadJobs,
}: {
  page: PageContext;
  owners: OrganisationItem[];
  services: ServiceItem[];
  components: ComponentItem[];
  deadJobs: number | null;
}) {
  const { t, locale } = page;
  return (
    <Layout page={page} title={t('home.operatorTitle')}>
      <Heading level={1} data-size="lg">
        {t('home.operatorTitle')}
      </Heading>
      <Paragraph>{t('home.operatorIntro')}</Paragraph>
      <div className="niva-figures">
        <Figure label={t('home.owners')} value={owners.length} href="/organisations" />
        <Figure label={t('home.altinn2')} value={services.filter((s) => s.platform === 'altinn2').length} />
        <Figure label={t('home.altinn3')} value={services.filter((s) => s.platform === 'altinn3').length} />
        {deadJobs !== null && <Figure label={t('home.deadJobs')} value={deadJobs} href="/jobs?status=dead" />}
      </div>
      <Heading level={2} data-size="md">
        {t('home.owners')}
      </Heading>
      <Table data-size="sm" zebra>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('org.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('org.code')}</Table.HeaderCell>
            <Table.HeaderCell>{t('org.number')}</Table.HeaderCell>
            <Table.HeaderCell className="niva-num">{t('org.services')}</Table.HeaderCell>
            <Table.HeaderCell className="niva-num">{t('org.users')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {owners.map((o) => (
            <Table.Row key={o.id}>
              <Table.Cell>
                <Link href={`/organisations/${o.code}`}>{o.name}</Link>
              </Table.Cell>
              <Table.Cell>{o.code}</Table.Cell>
              <Table.Cell>{o.orgNumber}</Table.Cell>
              <Table.Cell className="niva-num">{o.serviceCount}</Table.Cell>
              <Table.Cell className="niva-num">{o.userCount}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <Heading level={2} data-size="md">
        {t('home.components')}
      </Heading>
      <Table data-size="sm">
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('component.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('component.calendar')}</Table.HeaderCell>
            <Table.HeaderCell className="niva-num">{t('component.target')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {components.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>{c.name}</Table.Cell>
              <Table.Cell>
                <Tag data-color="info">{c.calendarId}</Tag>
              </Table.Cell>
              <Table.Cell className="niva-num">{formatPercent(c.targetBasisPoints, locale)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </Layout>
  );
}

function OwnerHome({
  page,
  organisations,
  services,
}: {
  page: PageContext;
  organisations: OrganisationItem[];
  services: ServiceItem[];
}) {
  const { t } = page;
  const own = organisations[0];
  if (!own) {
    return (
      <Layout page={page} title={t('nav.home')}>
        <Heading level={1} data-size="lg">
          {t('nav.home')}
        </Heading>
        <Paragraph>{t('home.noMembership')}</Paragraph>
      </Layout>
    );
  }
  return (
    <Layout page={page} title={t('home.ownerTitle', { name: own.name })}>
      <Heading level={1} data-size="lg">
        {t('home.ownerTitle', { name: own.name })}
      </Heading>
      <Paragraph>{t('home.ownerIntro')}</Paragraph>
      {organisations.map((o) => (
        <section key={o.id} aria-labelledby={`org-${o.code}`}>
          <Heading level={2} data-size="md" id={`org-${o.code}`}>
            <Link href={`/organisations/${o.code}`}>{o.name}</Link>
          </Heading>
          <div className="niva-figures">
            <Figure label={t('org.services')} value={o.serviceCount} />
            <Figure label={t('org.users')} value={o.userCount} href={`/users?organisationId=${o.id}`} />
          </div>
          <ServicesTable page={page} services={services.filter((s) => s.organisationId === o.id)} />
        </section>
      ))}
    </Layout>
  );
}

/**
 * A party's home: its organisation and members, and where the platform's status is. What a party does in Nivå comes
 * with the modules that serve it; their links join the menu as they are built.
 */
function PartyHome({ page, organisations }: { page: PageContext; organisations: OrganisationItem[] }) {
  const { t } = page;
  return (
    <Layout page={page} title={t('nav.home')}>
      <Heading level={1} data-size="lg">
        {t('nav.home')}
      </Heading>
      <Paragraph>{t('home.partyIntro')}</Paragraph>
      {organisations.map((o) => (
        <section key={o.id} aria-labelledby={`org-${o.code}`}>
          <Heading level={2} data-size="md" id={`org-${o.code}`}>
            <Link href={`/organisations/${o.code}`}>{o.name}</Link>
          </Heading>
          <Paragraph data-size="sm">
            {t('org.kind.party')} · {t('org.number')} {o.orgNumber}
          </Paragraph>
          <div className="niva-figures">
            <Figure label={t('org.users')} value={o.userCount} href={`/users?organisationId=${o.id}`} />
          </div>
        </section>
      ))}
      <Paragraph>
        <Link href="/status">{t('home.partyStatus')}</Link>
      </Paragraph>
    </Layout>
  );
}

export const homePage = new Hono<AppEnv>().get('/', requireLogin, async (c) => {
  const ctx = serviceContext(c);
  const page = pageContext(c);
  const organisationRows = await listOrganisations(ctx);
  const organisations = organisationRows.map(presentOrganisationItem);
  // Parties hold no service register; only those who read services get the owners' view.
  if (!can(ctx.actor, 'service.read', null)) return render(c, <PartyHome page={page} organisations={organisations} />);
  const serviceRows = await listServices(ctx);
  const services = serviceRows.map(presentServiceItem);
  if (isPlatformActor(ctx.actor)) {
    const [components, counts] = await Promise.all([
      listComponents(ctx),
      can(ctx.actor, 'job.read', null) ? jobCounts(ctx) : Promise.resolve(null),
    ]);
    return render(
      c,
      <OperatorHome
        page={page}
        owners={organisations.filter((o) => o.kind === 'owner')}
        services={services}
        components={components.map(presentComponentItem)}
        deadJobs={counts ? counts.dead : null}
      />,
    );
  }
  return render(c, <OwnerHome page={page} organisations={organisations} services={services} />);
});
