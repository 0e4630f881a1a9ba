import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtInEventMappings, builtInMetrics } from '../../../src/modules/usage/domain/metric-catalogue.ts';
import {
  epochDayDate,
  epochDayMonth,
  osloEpochDay,
  usageEventKey,
} from '../../../src/modules/usage/domain/usage-day.ts';
import { checkUsageEvent, parseRfc3339 } from '../../../src/modules/usage/domain/usage-event.ts';

const rules = { eventTypes: builtInEventMappings, metrics: new Set(builtInMetrics.map((m) => m.id)) };
const base = {
  specversion: '1.0',
  id: 'e1',
  source: 'https://s.test',
  type: 'no.niva.usage',
  time: '2026-02-03T10:15:00Z',
  data: { metric: 'consents', owner: 'skd', service: null, count: 4 },
};

describe('checkUsageEvent', () => {
  const cases: [
    string,
    unknown,
    string | { metric: string; count: number; ownerCode: string | null; resourceId: string | null },
  ][] = [
    ['an aggregate count', base, { metric: 'consents', count: 4, ownerCode: 'skd', resourceId: null }],
    [
      'an aggregate for one service (urn form)',
      { ...base, data: { ...base.data, service: 'urn:altinn:resource:skd-mva' } },
      { metric: 'consents', count: 4, ownerCode: 'skd', resourceId: 'skd-mva' },
    ],
    [
      'a zero count',
      { ...base, data: { ...base.data, count: 0 } },
      { metric: 'consents', count: 0, ownerCode: 'skd', resourceId: null },
    ],
    [
      'an Altinn correspondence event',
      {
        ...base,
        type: 'no.altinn.correspondence.correspondencepublished',
        data: undefined,
        resource: 'urn:altinn:resource:skd-melding',
      },
      { metric: 'messages_sent', count: 1, ownerCode: null, resourceId: 'skd-melding' },
    ],
    ['not an object', [base], '(event)'],
    ['another spec version', { ...base, specversion: '0.3' }, 'specversion'],
    ['no id', { ...base, id: undefined }, 'id'],
    ['an empty id', { ...base, id: '' }, 'id'],
    ['no source', { ...base, source: undefined }, 'source'],
    ['a source with a line break', { ...base, source: 'https://a\n1' }, 'source'],
    ['no time', { ...base, time: undefined }, 'time'],
    ['a time without zone', { ...base, time: '2026-02-03T10:15:00' }, 'time'],
    ['an impossible date', { ...base, time: '2026-02-30T10:15:00Z' }, 'time'],
    ['an unknown metric', { ...base, data: { ...base.data, metric: 'page_views' } }, 'data.metric'],
    ['no owner', { ...base, data: { ...base.data, owner: undefined } }, 'data.owner'],
    ['a negative count', { ...base, data: { ...base.data, count: -1 } }, 'data.count'],
    ['a fractional count', { ...base, data: { ...base.data, count: 1.5 } }, 'data.count'],
    ['a count as text', { ...base, data: { ...base.data, count: '4' } }, 'data.count'],
    ['an unmapped type', { ...base, type: 'app.instance.created' }, 'type'],
    ['an inherited property as type', { ...base, type: 'toString' }, 'type'],
    [
      'an Altinn event without resource',
      { ...base, type: 'app.instance.process.completed', resource: undefined },
      'resource',
    ],
  ];
  for (const [name, raw, want] of cases) {
    it(name, () => {
      const got = checkUsageEvent(raw, rules);
      if (typeof want === 'string') {
        assert.equal(got.ok, false);
        if (!got.ok) assert.equal(got.field, want);
      } else {
        assert.equal(got.ok, true, JSON.stringify(got));
        if (got.ok)
          assert.deepEqual(
            {
              metric: got.event.metric,
              count: got.event.count,
              ownerCode: got.event.ownerCode,
              resourceId: got.event.resourceId,
            },
            want,
          );
      }
    });
  }
});

describe('parseRfc3339', () => {
  const cases: [string, number | null][] = [
    ['2026-02-03T10:15:00Z', Date.UTC(2026, 1, 3, 10, 15)],
    ['2026-02-03T11:15:00+01:00', Date.UTC(2026, 1, 3, 10, 15)],
    ['2026-02-03T10:15:00.1234567Z', Date.UTC(2026, 1, 3, 10, 15, 0, 123)],
    ['2026-02-03t10:15:00z', Date.UTC(2026, 1, 3, 10, 15)],
    ['2026-02-03T10:15:00', null],
    ['2026-13-03T10:15:00Z', null],
    ['2026-02-03T24:00:00Z', null],
    ['yesterday', null],
  ];
  for (const [text, want] of cases) it(text, () => assert.equal(parseRfc3339(text), want));
});

describe('Oslo days and months', () => {
  const cases: [string, string, string][] = [
    ['2026-03-08T23:30:00Z', '2026-03-09', '2026-03'],
    ['2026-02-28T23:00:00Z', '2026-03-01', '2026-03'],
    ['2026-06-30T21:59:59Z', '2026-06-30', '2026-06'],
    ['2026-06-30T22:00:00Z', '2026-07-01', '2026-07'],
    ['2025-12-31T22:59:59Z', '2025-12-31', '2025-12'],
  ];
  for (const [instant, day, month] of cases) {
    it(`${instant} is ${day} in Oslo`, () => {
      const epochDay = osloEpochDay(Date.parse(instant));
      assert.equal(epochDayDate(epochDay), day);
      assert.equal(epochDayMonth(epochDay), month);
    });
  }
});

describe('usageEventKey', () => {
  const cases: [[string, string], [string, string], boolean][] = [
    [['https://a', '1'], ['https://a', '1'], true],
    [['https://a', '1'], ['https://a', '2'], false],
    [['https://a', '1'], ['https://b', '1'], false],
    [['https://a', '1 2'], ['https://a', '1  2'], false],
  ];
  for (const [a, b, same] of cases) {
    it(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`, () => {
      assert.equal(usageEventKey(...a) === usageEventKey(...b), same);
      assert.match(usageEventKey(...a), /^[A-Za-z0-9_-]{16}$/);
    });
  }
});
