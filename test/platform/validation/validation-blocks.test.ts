import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { fixedClock } from '../../../src/platform/domain/clock.ts';
import { defaultInputLimits } from '../../../src/platform/domain/input-bounds.ts';
import { isAppError } from '../../../src/platform/services/app-error.ts';
import { assertSafeText, parseInput } from '../../../src/platform/services/parse-input.ts';
import { findUnsafeText } from '../../../src/platform/validation/input-safety.ts';
import { futureAllowance, instant } from '../../../src/platform/validation/instant.ts';
import { multilineText, nameText, text } from '../../../src/platform/validation/text.ts';

const scope = { clock: fixedClock(Date.parse('2026-03-02T10:00:00+01:00')), limits: defaultInputLimits };

function problemOf(schema: z.ZodType, input: unknown): string | null {
  try {
    parseInput(schema, input, scope);
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return error.message;
  }
}

describe('text building blocks', () => {
  const rows: [string, z.ZodType, string, string | null][] = [
    ['text: a line', text(), 'Hei', null],
    ['text: a tab', text(), 'a\tb', '(body): contains a control character'],
    ['text: an RLO is allowed where no name is', text(), 'a\u202Eb', null],
    ['multilineText: lines and tabs', multilineText(), 'a\r\n\tb', null],
    ['multilineText: NUL', multilineText(), 'a\u0000', '(body): contains a control character'],
    ['nameText: an RLO', nameText(), 'a\u202Eb', '(body): contains a bidirectional control character'],
    ['nameText: a lone surrogate', nameText(), '\ud800', '(body): is not well-formed Unicode (a lone surrogate)'],
  ];
  for (const [what, schema, value, expected] of rows) it(what, () => assert.equal(problemOf(schema, value), expected));

  it('chains with trim, min and max', () => {
    const title = nameText().trim().min(3).max(5);
    assert.equal(problemOf(z.object({ title }), { title: '  abc  ' }), null);
    assert.match(problemOf(z.object({ title }), { title: 'ab\u202E' }) ?? '', /^title: contains a bidi/);
  });
});

describe('instant', () => {
  const rows: [string, unknown, string | null][] = [
    ['ISO with offset', '2026-03-02T09:00:00+01:00', null],
    ['local Oslo time', '2026-03-02T09:00', null],
    ['epoch milliseconds', Date.parse('2026-03-01T00:00:00Z'), null],
    ['1970', '1970-12-01T00:00:00Z', 'at: is before 2000-01-01, the earliest date accepted'],
    ['epoch 0', 0, 'at: is before 2000-01-01, the earliest date accepted'],
    ['tomorrow', '2026-03-03T09:00:00+01:00', 'at: is in the future'],
    ['not an instant', '2. mars', 'at: not an ISO 8601 instant (e.g. 2026-03-02T10:00:00+01:00) or epoch milliseconds'],
    ['empty', ' ', 'at: required: an ISO 8601 instant (e.g. 2026-03-02T10:00:00+01:00) or epoch milliseconds'],
  ];
  const schema = z.object({ at: instant({ future: futureAllowance.past }) });
  for (const [what, at, expected] of rows) it(what, () => assert.equal(problemOf(schema, { at }), expected));

  it('lets planned fields lie two years ahead, not three', () => {
    const planned = z.object({ at: instant({ future: futureAllowance.planned }) });
    assert.equal(problemOf(planned, { at: '2028-03-01T10:00:00+01:00' }), null);
    assert.match(problemOf(planned, { at: '2029-03-02T10:00:00+01:00' }) ?? '', /^at: is more than \d+ days/);
  });

  it('checks only the form outside parseInput', () => {
    assert.equal(instant({ future: 'none' }).safeParse('1970-01-01T00:00:00Z').success, true);
  });
});

describe('findUnsafeText', () => {
  const rows: [string, unknown, { field: string; message: string } | null][] = [
    ['clean', { a: 'x', b: ['y\n', { c: 'z\t' }], n: 1, f: null }, null],
    [
      'a NUL deep down',
      { a: [{ b: 'ok' }, { b: 'x\u0000' }] },
      { field: 'a.1.b', message: 'contains a control character' },
    ],
    [
      'a lone surrogate at the top',
      '\udfff',
      { field: '(body)', message: 'is not well-formed Unicode (a lone surrogate)' },
    ],
    ['a control character in a key', { 'a\u0001': 'x' }, { field: '(key)', message: 'contains a control character' }],
    ['bytes are not text', { content: Buffer.from([0, 1, 2]) }, null],
    ['an RLO is left to the schemas', { name: 'a\u202Eb' }, null],
  ];
  for (const [what, value, expected] of rows) it(what, () => assert.deepEqual(findUnsafeText(value), expected));
});

describe('parseInput safety net', () => {
  it('refuses a NUL in a field the schema did not rule', () => {
    assert.equal(problemOf(z.object({ note: z.string() }), { note: 'a\u0000' }), 'note: contains a control character');
  });
  it('assertSafeText names the field in a validation error', () => {
    assert.throws(
      () => assertSafeText({ title: 'x\ud800' }),
      (error: unknown) => isAppError(error) && error.code === 'validation' && error.fields[0]?.field === 'title',
    );
  });
});
