import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type MarkdownBlock,
  markdownToHtml,
  markdownToParagraphs,
} from '../../../src/modules/reports/render/markdown.ts';

describe('markdownToHtml', () => {
  const cases: [string, string, (html: string) => boolean][] = [
    [
      'shows raw HTML as text',
      '<script>alert(1)</script>',
      (html) => !html.includes('<script') && html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'),
    ],
    [
      'shows inline HTML as text',
      'a <img src=x onerror=alert(1)> b',
      (html) => !html.includes('<img') && html.includes('&lt;img'),
    ],
    ['drops javascript: links', '[x](javascript:alert(1))', (html) => !html.includes('<a') && !html.includes('href')],
    ['drops data: links', '[x](data:text/html;base64,PHNjcmlwdD4=)', (html) => !html.includes('<a')],
    ['drops relative links', '[x](/admin)', (html) => !html.includes('<a')],
    [
      'keeps https links, with rel',
      '[x](https://example.no/a)',
      (html) => html.includes('<a href="https://example.no/a" rel="noopener noreferrer">x</a>'),
    ],
    [
      'keeps mailto links',
      '[skriv](mailto:post@example.no)',
      (html) => html.includes('<a href="mailto:post@example.no">skriv</a>'),
    ],
    [
      'links bare addresses',
      'Se https://example.no i dag',
      (html) => html.includes('<a href="https://example.no" rel="noopener noreferrer">https://example.no</a>'),
    ],
    ['leaves quotes as written', '"sitat" -- slutt', (html) => html.includes('&quot;sitat&quot; -- slutt')],
    [
      'renders emphasis and lists',
      '**fet** og *kursiv*\n\n- a\n- b',
      (html) =>
        html.includes('<strong>fet</strong>') && html.includes('<em>kursiv</em>') && html.includes('<li>a</li>'),
    ],
  ];
  for (const [what, markdown, check] of cases)
    it(what, () => assert.ok(check(markdownToHtml(markdown)), markdownToHtml(markdown)));
});

describe('markdownToParagraphs', () => {
  const cases: [string, string, MarkdownBlock[]][] = [
    ['a plain paragraph', 'Hei verden', [{ kind: 'paragraph', depth: 0, runs: [{ text: 'Hei verden' }] }]],
    [
      'bold, italic and link runs',
      'Vi har **forbedret** *varslingen*, se [siden](https://example.no).',
      [
        {
          kind: 'paragraph',
          depth: 0,
          runs: [
            { text: 'Vi har ' },
            { text: 'forbedret', bold: true },
            { text: ' ' },
            { text: 'varslingen', italic: true },
            { text: ', se ' },
            { text: 'siden', href: 'https://example.no' },
            { text: '.' },
          ],
        },
      ],
    ],
    [
      'bold inside a link',
      '[**fet**](https://a.no)',
      [{ kind: 'paragraph', depth: 0, runs: [{ text: 'fet', bold: true, href: 'https://a.no' }] }],
    ],
    [
      'a javascript: link stays text',
      '[x](javascript:alert(1))',
      [{ kind: 'paragraph', depth: 0, runs: [{ text: '[x](javascript:alert(1))' }] }],
    ],
    [
      'raw HTML stays text',
      '<script>alert(1)</script>',
      [{ kind: 'paragraph', depth: 0, runs: [{ text: '<script>alert(1)</script>' }] }],
    ],
    [
      'code spans as plain text',
      'Kjør `niva serve` nå',
      [{ kind: 'paragraph', depth: 0, runs: [{ text: 'Kjør niva serve nå' }] }],
    ],
    [
      'soft breaks as spaces',
      'linje en\nlinje to',
      [{ kind: 'paragraph', depth: 0, runs: [{ text: 'linje en linje to' }] }],
    ],
    ['headings with their level', '## Nytt', [{ kind: 'heading', level: 2, runs: [{ text: 'Nytt' }] }]],
    [
      'bullet and numbered items, nested',
      '- a\n  1. b\n  2. c\n- d',
      [
        { kind: 'item', marker: '•', depth: 1, runs: [{ text: 'a' }] },
        { kind: 'item', marker: '1.', depth: 2, runs: [{ text: 'b' }] },
        { kind: 'item', marker: '2.', depth: 2, runs: [{ text: 'c' }] },
        { kind: 'item', marker: '•', depth: 1, runs: [{ text: 'd' }] },
      ],
    ],
    [
      'a numbered list keeps its start',
      '3. tre\n4. fire',
      [
        { kind: 'item', marker: '3.', depth: 1, runs: [{ text: 'tre' }] },
        { kind: 'item', marker: '4.', depth: 1, runs: [{ text: 'fire' }] },
      ],
    ],
    [
      'a table row as one paragraph',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      [
        { kind: 'paragraph', depth: 0, runs: [{ text: 'a | b' }] },
        { kind: 'paragraph', depth: 0, runs: [{ text: '1 | 2' }] },
      ],
    ],
  ];
  for (const [what, markdown, blocks] of cases)
    it(what, () => assert.deepEqual(markdownToParagraphs(markdown), blocks));
});
