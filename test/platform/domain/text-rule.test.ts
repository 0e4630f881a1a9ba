import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sanitizeText, type TextKind, textProblem } from '../../../src/platform/domain/text-rule.ts';

describe('textProblem', () => {
  const rows: [string, TextKind, string | null][] = [
    ['Innlogging feiler', 'line', null],
    ['Blåbærsyltetøy 😀', 'name', null],
    ['a\ud800b', 'line', 'is not well-formed Unicode (a lone surrogate)'],
    ['a\udc00b', 'multiline', 'is not well-formed Unicode (a lone surrogate)'],
    ['\ud83d\ude00', 'name', null],
    ['a\u0000b', 'multiline', 'contains a control character'],
    ['a\u0007b', 'line', 'contains a control character'],
    ['a\u007fb', 'line', 'contains a control character'],
    ['a\u0085b', 'multiline', 'contains a control character'],
    ['a\u009bb', 'name', 'contains a control character'],
    ['a\tb', 'line', 'contains a control character'],
    ['a\nb', 'name', 'contains a control character'],
    ['a\tb\r\nc', 'multiline', null],
    ['a\u000bb', 'multiline', 'contains a control character'],
    ['faktura\u202Efdp.exe', 'name', 'contains a bidirectional control character'],
    ['faktura\u202Efdp.exe', 'line', null],
    ['a\u2066b\u2069', 'name', 'contains a bidirectional control character'],
    ['a\u200Eb', 'name', 'contains a bidirectional control character'],
    ['a\u200Fb', 'name', 'contains a bidirectional control character'],
    ['a\u061Cb', 'name', 'contains a bidirectional control character'],
    ['a\u202Ab', 'name', 'contains a bidirectional control character'],
    ['שלום', 'name', null],
  ];
  for (const [value, kind, expected] of rows)
    it(`${JSON.stringify(value)} as ${kind}`, () => assert.equal(textProblem(value, kind), expected));
});

describe('sanitizeText', () => {
  const rows: [string, TextKind, string][] = [
    ['Hei', 'line', 'Hei'],
    ['a\ud800b', 'multiline', 'a\ufffdb'],
    ['a\u0000b\r\n\tc', 'multiline', 'ab\r\n\tc'],
    ['Emne\tmed\nskift', 'line', 'Emne med skift'],
    ['faktura\u202Efdp.exe', 'name', 'fakturafdp.exe'],
    ['a\u0000b\u202E', 'name', 'a b'],
  ];
  for (const [value, kind, expected] of rows)
    it(`${JSON.stringify(value)} as ${kind} → ${JSON.stringify(expected)}`, () => {
      const cleaned = sanitizeText(value, kind);
      assert.equal(cleaned, expected);
      assert.equal(textProblem(cleaned, kind), null);
    });
});
