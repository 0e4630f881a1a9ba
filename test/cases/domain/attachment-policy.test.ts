import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type AttachmentFacts,
  checkAttachment,
  extensionOf,
  fileNameProblem,
  maxAttachmentBytes,
  servedContentType,
} from '../../../src/modules/cases/domain/attachment-policy.ts';

describe('checkAttachment', () => {
  const text: AttachmentFacts = {
    fileName: 'notes.txt',
    size: 10,
    detectedType: undefined,
    isText: true,
    textStart: 'hei',
  };
  const pdf: AttachmentFacts = {
    fileName: 'report.pdf',
    size: 10,
    detectedType: 'application/pdf',
    isText: false,
    textStart: '',
  };
  const rows: [string, AttachmentFacts, string][] = [
    ['plain text', text, 'text/plain; charset=utf-8'],
    ['a log file', { ...text, fileName: 'app.LOG' }, 'text/plain; charset=utf-8'],
    ['CSV', { ...text, fileName: 'a.csv' }, 'text/csv; charset=utf-8'],
    ['JSON', { ...text, fileName: 'a.json' }, 'application/json'],
    ['XML with a declaration', { ...text, fileName: 'a.xml', detectedType: 'application/xml' }, 'application/xml'],
    ['a PDF recognised by its signature', pdf, 'application/pdf'],
    ['a JPEG named .jpeg', { ...pdf, fileName: 'a.jpeg', detectedType: 'image/jpeg' }, 'image/jpeg'],
    ['a PNG named .jpg', { ...pdf, fileName: 'a.jpg', detectedType: 'image/png' }, 'type'],
    [
      'an Outlook message',
      { ...pdf, fileName: 'm.msg', detectedType: 'application/x-cfb' },
      'application/vnd.ms-outlook',
    ],
    ['a PDF that is not one', { ...text, fileName: 'report.pdf' }, 'type'],
    ['an executable named .pdf', { ...pdf, detectedType: 'application/x-msdownload' }, 'type'],
    ['a PDF named .txt', { ...pdf, fileName: 'a.txt' }, 'type'],
    ['binary named .txt', { ...text, isText: false }, 'type'],
    ['HTML named .txt', { ...text, textStart: '<!DOCTYPE html><html>' }, 'type'],
    ['SVG named .xml', { ...text, fileName: 'x.xml', textStart: '  <svg xmlns="…">' }, 'type'],
    ['HTML', { ...text, fileName: 'report.html' }, 'type'],
    ['SVG', { ...text, fileName: 'x.svg' }, 'type'],
    ['an HTML application', { ...text, fileName: 'setup.hta' }, 'type'],
    ['a batch file', { ...text, fileName: 'run.bat' }, 'type'],
    ['no extension', { ...text, fileName: 'README' }, 'type'],
    ['exactly 10 MiB', { ...text, size: maxAttachmentBytes }, 'text/plain; charset=utf-8'],
    ['one byte more', { ...text, size: maxAttachmentBytes + 1 }, 'too-large'],
    ['empty', { ...text, size: 0 }, 'empty'],
    ['a path as a name', { ...text, fileName: '../etc/passwd.txt' }, 'name'],
    ['a right-to-left override in the name', { ...text, fileName: 'invoice\u202Etxt.exe.txt' }, 'name'],
    ['a NUL in the name', { ...text, fileName: 'a\u0000.txt' }, 'name'],
  ];
  for (const [what, facts, expected] of rows)
    it(what, () => {
      const verdict = checkAttachment(facts);
      assert.equal(verdict.ok ? verdict.contentType : verdict.reason, expected);
    });
});

describe('extensionOf', () => {
  const rows: [string, string][] = [
    ['a.PDF', 'pdf'],
    ['archive.tar.gz', 'gz'],
    ['.bashrc', ''],
    ['trailing.', ''],
    ['none', ''],
  ];
  for (const [name, expected] of rows)
    it(`${name} → ${expected || '(none)'}`, () => assert.equal(extensionOf(name), expected));
});

describe('fileNameProblem', () => {
  const rows: [string, boolean][] = [
    ['rapport 2026.pdf', true],
    ['Skjermbilde æøå.png', true],
    ['', false],
    ['   ', false],
    ['x'.repeat(256), false],
    ['a/b.txt', false],
    ['a\\b.txt', false],
    ['.hidden.txt', false],
    ['a\u202Eb.txt', false],
    ['a\u2066b.txt', false],
    ['a\u200Fb.txt', false],
    ['a\u061Cb.txt', false],
    ['a\tb.txt', false],
    ['a\ud800.txt', false],
  ];
  for (const [name, ok] of rows)
    it(`${JSON.stringify(name).slice(0, 40)} ${ok ? 'is' : 'is not'} a file name`, () =>
      assert.equal(fileNameProblem(name) === null, ok));
});

describe('servedContentType', () => {
  const rows: [string, string][] = [
    ['a.pdf', 'application/pdf'],
    ['a.TXT', 'text/plain; charset=utf-8'],
    ['report.html', 'application/octet-stream'],
    ['x.svg', 'application/octet-stream'],
  ];
  for (const [name, expected] of rows)
    it(`${name} → ${expected}`, () => assert.equal(servedContentType(name), expected));
});
