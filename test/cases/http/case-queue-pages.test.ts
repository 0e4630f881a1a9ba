import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  createOperator,
  createTenant,
  testPassword,
  type TestOperator,
  type TestTenant,
} from '../../helpers/factories.ts';
import { createTestApp, logIn, type Session, type TestApp } from '../../helpers/test-app.ts';
import { createTestStore, type TestStore } from '../../helpers/test-store.ts';
import { html, report } from './case-page-kit.ts';

let store: TestStore;
let app: TestApp;
let clock: ReturnType<typeof createTestApp>['clock'];
let operator: TestOperator;
let tenant: TestTenant;
let other: TestTenant;
let owner: Session;
let agent: Session;
let stranger: Session;

/** Sessions lapse when the clock jumps a day, so a test that moves it signs everyone in again. */
async function signIn(): Promise<void> {
  owner = await logIn(app, tenant.users['owner-member'].email, testPassword);
  agent = await logIn(app, operator.users['operator-agent'].email, testPassword);
  stranger = await logIn(app, other.users['owner-admin'].email, testPassword);
}

before(async () => {
  store = await createTestStore();
  ({ app, clock } = createTestApp(store, { loginRatePerMinute: 1_000 }));
  operator = await createOperator(store);
  tenant = await createTenant(store);
  other = await createTenant(store);
  await signIn();
});
after(() => store.destroy());

describe('the work queue', () => {
  it('shows the queue earliest deadline first with each clock’s state, and lets agents filter by owner', async () => {
    clock.set(Date.parse('2026-03-03T07:00:00Z')); // Tuesday 08:00 in Oslo, as the service desk opens
    await signIn();
    const late = await report(app, stranger, { kind: 'incident', category: 'B', title: 'Allerede for sent' });
    clock.set(Date.parse('2026-03-03T08:00:00Z'));
    const risky = await report(app, owner, { kind: 'incident', category: 'B', title: 'Snart for sent' });
    clock.set(Date.parse('2026-03-03T08:50:00Z'));
    const queue = await html(app, agent, '/cases');
    const rowOf = (reference: string) => new RegExp(`data-case="${reference}"[\\s\\S]*?</tr>`).exec(queue)?.[0] ?? '';
    assert.match(rowOf(risky), /data-clock-state="at-risk"[^>]*>Nær fristen</);
    assert.match(rowOf(risky), /10 min arbeidstid igjen/);
    assert.match(rowOf(late), /data-clock-state="breached"[^>]*>Brutt</);
    assert.match(rowOf(late), /fristen gikk ut for 50 min siden/, 'how long ago, in wall time');
    assert.match(rowOf(late), /data-group="breached"/);
    assert.match(rowOf(risky), /data-group="running"/);
    assert.ok(
      queue.indexOf('>Frist passert<') < queue.indexOf(`data-case="${late}"`) &&
        queue.indexOf('>Løpende frister, nærmeste først<') < queue.indexOf(`data-case="${risky}"`) &&
        queue.indexOf(`data-case="${late}"`) < queue.indexOf('>Løpende frister, nærmeste først<'),
      'breached deadlines are a group of their own, before the running ones',
    );
    assert.ok(
      queue.indexOf(`data-case="${late}"`) < queue.indexOf(`data-case="${risky}"`),
      'the earliest deadline comes first',
    );
    assert.match(queue, new RegExp(`<option value="${other.organisation.code}">`));

    const filtered = await html(app, agent, `/cases?org=${other.organisation.code}`);
    assert.match(filtered, new RegExp(`data-case="${late}"`));
    assert.doesNotMatch(filtered, new RegExp(`data-case="${risky}"`));

    const mine = await html(app, owner, '/cases');
    assert.match(mine, new RegExp(`data-case="${risky}"`));
    assert.doesNotMatch(mine, new RegExp(`data-case="${late}"`));
    assert.doesNotMatch(mine, /name="org"/, 'owners have no owner filter');
    assert.match(mine, /href="\/cases"[^>]*aria-current="page"/, 'the nav entry is current');

    const firstPage = await html(app, agent, '/cases?state=all&kind=incident');
    assert.doesNotMatch(firstPage, /Neste side/);
  });

  it('pages through the queue with the cursor', async () => {
    for (let i = 0; i < 51; i++) await report(app, owner, { kind: 'change-request', title: `Endring nummer ${i}` });
    const first = await html(app, owner, '/cases?kind=change-request');
    const next = /href="(\/cases\?kind=change-request&amp;cursor=[^"]+)"[^>]*>Neste side</.exec(first)?.[1];
    assert.ok(next, 'a next-page link');
    const second = await html(app, owner, next.replaceAll('&amp;', '&'));
    assert.match(second, /Første side/);
    assert.equal((second.match(/data-case="/g) ?? []).length, 1);
  });
});
