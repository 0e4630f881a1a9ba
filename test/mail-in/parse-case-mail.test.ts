import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  caseReferenceIn,
  noSubject,
  stripQuotedReply,
  titleFrom,
} from '../../src/modules/mail-in/services/parse-case-mail.ts';

describe('reading a case mail', () => {
  it('keeps only the new part of a reply', () => {
    const cases: [string, string][] = [
      ['Takk!\n\nDen 2. mars 2026 kl. 10:00 skrev Servicedesk <sd@niva.no>:\n> Løst.\n', 'Takk!'],
      ['Fixed now.\n\nOn Mon, 2 Mar 2026 at 10:00, Kari Nordmann\n<kari@etat.no> wrote:\n> Broken?\n>\n', 'Fixed now.'],
      ['Svar over.\r\n\r\n-----Opprinnelig melding-----\r\nFra: Nivå\r\nDette er gammelt.', 'Svar over.'],
      [
        'Se logg.\n\nFra: Servicedesk <sd@niva.no>\nSendt: mandag 2. mars 2026 10:00\nEmne: Sak\n\nGammel tekst',
        'Se logg.',
      ],
      ['Først\n> sitat\nSå mitt svar', 'Først\nSå mitt svar'],
      ['Dette er det jeg skrev:\nikke noe sitat her:', 'Dette er det jeg skrev:\nikke noe sitat her:'],
    ];
    for (const [text, expected] of cases) assert.equal(stripQuotedReply(text), expected, JSON.stringify(text));
  });

  it('finds the case reference in a subject', () => {
    assert.equal(caseReferenceIn('SV: [niva-1042] Innlogging'), 'NIVA-1042');
    assert.equal(caseReferenceIn('Re: Re: NIVA-7 og NIVA-8'), 'NIVA-7');
    assert.equal(caseReferenceIn('NIVAA-12 ABCNIVA-3'), null);
  });

  it('makes a title of any subject', () => {
    assert.equal(titleFrom(''), noSubject);
    assert.equal(titleFrom('  Hei  '), 'Hei');
    assert.equal(titleFrom('OK'), `OK ${noSubject}`);
    assert.equal(titleFrom('x'.repeat(300)).length, 200);
    assert.equal(titleFrom('Linje\n  to'), 'Linje to');
  });
});
