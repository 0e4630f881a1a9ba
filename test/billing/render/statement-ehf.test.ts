import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { StatementDocument } from '../../../src/modules/billing/domain/statement-document.ts';
import { isOrgNumber, renderStatementEhf } from '../../../src/modules/billing/render/render-statement-ehf.ts';
import { sampleCreditNote, sampleLines, sampleStatement } from './sample-statement.ts';
import { all, one, parseXml, textOf, ubl, type XmlNode } from './xml-tree.ts';

const customizationId = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
const profileId = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

/** An amount element's value in øre, read as text so no floating point is involved; refuses anything but 2 decimals. */
function ore(node: XmlNode): number {
  const match = /^(-?)(\d+)\.(\d{2})$/.exec(node.text);
  assert.ok(match, `${node.local}: "${node.text}" is not an amount with two decimals`);
  assert.equal(node.attributes.currencyID, 'NOK', `${node.local} currency`);
  const value = Number(match[2]) * 100 + Number(match[3]);
  return match[1] === '-' ? -value : value;
}

const amountOf = (node: XmlNode, path: string) => ore(one(node, path));

function render(doc: StatementDocument): XmlNode {
  return parseXml(renderStatementEhf(doc));
}

/** Every element below `node`, depth first. */
function descendants(node: XmlNode): XmlNode[] {
  return node.children.flatMap((child) => [child, ...descendants(child)]);
}

function checkTotals(root: XmlNode, lineName: string, expectedOre: number): void {
  const lines = all(root, `cac:${lineName}`);
  const lineSum = lines.reduce((sum, line) => sum + amountOf(line, 'cbc:LineExtensionAmount'), 0);
  assert.equal(lineSum, expectedOre, 'the lines sum to the statement total');
  for (const name of ['LineExtensionAmount', 'TaxExclusiveAmount', 'TaxInclusiveAmount', 'PayableAmount'])
    assert.equal(amountOf(root, `cac:LegalMonetaryTotal/cbc:${name}`), expectedOre, name);
  assert.equal(amountOf(root, 'cac:TaxTotal/cbc:TaxAmount'), 0);
  assert.equal(amountOf(root, 'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxableAmount'), expectedOre);
  assert.equal(amountOf(root, 'cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount'), 0);
  for (const line of lines) {
    const quantity = one(line, lineName === 'InvoiceLine' ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity');
    assert.equal(quantity.attributes.unitCode, 'C62');
    const price = amountOf(line, 'cac:Price/cbc:PriceAmount');
    assert.ok(price >= 0, 'BR-27: no negative price');
    // PEPPOL-EN16931-R120: net amount = quantity × price, exactly.
    assert.equal(Number(quantity.text) * price, amountOf(line, 'cbc:LineExtensionAmount'));
  }
}

function checkParty(party: XmlNode, orgNumber: string, name: string, email: string): void {
  assert.equal(one(party, 'cbc:EndpointID').text, orgNumber);
  assert.equal(one(party, 'cbc:EndpointID').attributes.schemeID, '0192');
  assert.equal(textOf(party, 'cac:PartyLegalEntity/cbc:RegistrationName'), name);
  assert.equal(textOf(party, 'cac:PartyLegalEntity/cbc:CompanyID'), orgNumber);
  assert.equal(one(party, 'cac:PartyLegalEntity/cbc:CompanyID').attributes.schemeID, '0192');
  assert.equal(textOf(party, 'cac:PostalAddress/cac:Country/cbc:IdentificationCode'), 'NO');
  assert.equal(textOf(party, 'cac:Contact/cbc:ElectronicMail'), email);
}

describe('renderStatementEhf: an invoice', () => {
  const doc = sampleStatement();
  const xml = renderStatementEhf(doc);
  const root = parseXml(xml);

  it('is a UBL Invoice with the BIS 3.0 identifiers and header', () => {
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'));
    assert.equal(root.uri, ubl.invoice);
    assert.equal(root.local, 'Invoice');
    assert.equal(textOf(root, 'cbc:CustomizationID'), customizationId);
    assert.equal(textOf(root, 'cbc:ProfileID'), profileId);
    assert.equal(textOf(root, 'cbc:ID'), doc.number);
    assert.equal(textOf(root, 'cbc:IssueDate'), doc.issueDate);
    assert.equal(textOf(root, 'cbc:DueDate'), doc.dueDate);
    assert.equal(textOf(root, 'cbc:InvoiceTypeCode'), '380');
    assert.equal(textOf(root, 'cbc:DocumentCurrencyCode'), 'NOK');
    assert.equal(textOf(root, 'cbc:BuyerReference'), 'ETATEN');
    assert.equal(textOf(root, 'cac:InvoicePeriod/cbc:StartDate'), '2026-01-01');
    assert.equal(textOf(root, 'cac:InvoicePeriod/cbc:EndDate'), '2026-12-31');
    assert.equal(all(root, 'cbc:Note').length, 1, 'PEPPOL-EN16931-R002: at most one note');
    assert.equal(textOf(root, 'cac:PaymentMeans/cbc:PaymentID'), doc.number);
    assert.deepEqual(all(root, 'cac:BillingReference'), [], 'an original references nothing');
  });

  it('names both parties by organisation number (scheme 0192), with country and e-mail', () => {
    checkParty(one(root, 'cac:AccountingSupplierParty/cac:Party'), '987654325', 'Plattformdriften', doc.seller.email);
    checkParty(one(root, 'cac:AccountingCustomerParty/cac:Party'), '123456785', 'Etaten for tester', doc.buyer.email);
  });

  it('has totals that equal the sum of the lines and the statement’s øre, to the øre', () => {
    assert.equal(doc.totalOre, 12345772);
    assert.equal(textOf(root, 'cac:LegalMonetaryTotal/cbc:PayableAmount'), '123457.72');
    checkTotals(root, 'InvoiceLine', doc.totalOre);
  });

  it('writes one line per statement line, a credited line as quantity -1 at a positive price', () => {
    const lines = all(root, 'cac:InvoiceLine');
    assert.equal(lines.length, sampleLines.length);
    assert.deepEqual(
      lines.map((line) => [
        textOf(line, 'cbc:ID'),
        textOf(line, 'cbc:InvoicedQuantity'),
        textOf(line, 'cbc:LineExtensionAmount'),
        textOf(line, 'cac:Price/cbc:PriceAmount'),
        textOf(line, 'cac:Item/cbc:Name'),
        textOf(line, 'cac:Item/cac:AdditionalItemProperty/cbc:Value'),
      ]),
      [
        ['1', '1', '123456.78', '123456.78', 'Meldingstjenesten – Sendte meldinger', '6397333'],
        ['2', '1', '0.99', '0.99', 'Meldingstjenesten – Oppslag', '1250.5'],
        ['3', '-1', '-0.05', '0.05', 'Varsling – SMS', '-42'],
      ],
    );
  });

  it('is outside the scope of VAT: category O everywhere, no rate, no VAT identifier, a reason', () => {
    const category = one(root, 'cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory');
    assert.equal(textOf(category, 'cbc:ID'), 'O');
    assert.equal(textOf(category, 'cbc:TaxExemptionReasonCode'), 'VATEX-EU-O');
    assert.ok(textOf(category, 'cbc:TaxExemptionReason').length > 0);
    assert.equal(textOf(category, 'cac:TaxScheme/cbc:ID'), 'VAT');
    for (const line of all(root, 'cac:InvoiceLine/cac:Item/cac:ClassifiedTaxCategory')) {
      assert.equal(textOf(line, 'cbc:ID'), 'O');
      assert.equal(textOf(line, 'cac:TaxScheme/cbc:ID'), 'VAT');
    }
    const names = descendants(root).map((node) => node.local);
    assert.ok(!names.includes('Percent'), 'BR-O-05, BR-48: no rate');
    assert.ok(!names.includes('PartyTaxScheme'), 'BR-O-02: no VAT identifier');
    assert.equal(all(root, 'cac:TaxTotal').length, 1);
  });

  it('has no empty element (PEPPOL-EN16931-R008)', () => {
    for (const node of descendants(root))
      assert.ok(node.children.length > 0 || node.text.trim() !== '', `${node.local} is empty`);
  });
});

describe('renderStatementEhf: a credit note', () => {
  const doc = sampleCreditNote();
  const root = render(doc);

  it('is a UBL CreditNote of type 381 with its due date in the payment means', () => {
    assert.equal(root.uri, ubl.creditNote);
    assert.equal(root.local, 'CreditNote');
    assert.equal(textOf(root, 'cbc:CreditNoteTypeCode'), '381');
    assert.deepEqual(all(root, 'cbc:DueDate'), []);
    assert.equal(textOf(root, 'cac:PaymentMeans/cbc:PaymentDueDate'), doc.dueDate);
    assert.equal(textOf(root, 'cbc:CustomizationID'), customizationId);
  });

  it('states its amounts as positive: the statement’s øre negated', () => {
    assert.equal(doc.totalOre, -249999);
    assert.equal(textOf(root, 'cac:LegalMonetaryTotal/cbc:PayableAmount'), '2499.99');
    checkTotals(root, 'CreditNoteLine', -doc.totalOre);
    const lines = all(root, 'cac:CreditNoteLine');
    assert.deepEqual(
      lines.map((line) => [textOf(line, 'cbc:CreditedQuantity'), textOf(line, 'cbc:LineExtensionAmount')]),
      [
        ['1', '2500.00'],
        ['-1', '-0.01'],
      ],
    );
  });

  it('references the statement it corrects', () => {
    assert.equal(textOf(root, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID'), '2026-00012');
  });
});

describe('renderStatementEhf: text from the data', () => {
  const tricky = `A & B <Etat> "sitert" 'enkelt' </cbc:Name><cbc:Evil>x</cbc:Evil>`;
  const doc = sampleStatement({
    number: '2026-<&>',
    buyer: { name: tricky, orgNumber: '123456785', email: `o'brien&co@etat.example`, code: 'X' },
    buyerReference: `ref "1" & <2>`,
    lines: [{ ...sampleLines[0]!, productName: tricky, metricName: 'æøå ÆØÅ' }],
  });
  const xml = renderStatementEhf(doc);
  const root = parseXml(xml);

  it('is escaped, so every name reads back exactly and adds no element', () => {
    assert.equal(
      textOf(root, 'cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName'),
      tricky,
    );
    assert.equal(textOf(root, 'cac:AccountingCustomerParty/cac:Party/cac:Contact/cbc:ElectronicMail'), doc.buyer.email);
    assert.equal(textOf(root, 'cbc:BuyerReference'), doc.buyerReference);
    assert.equal(textOf(root, 'cbc:ID'), '2026-<&>');
    assert.equal(textOf(root, 'cac:InvoiceLine/cac:Item/cbc:Name'), `${tricky} – æøå ÆØÅ`);
    assert.ok(!descendants(root).some((node) => node.local === 'Evil'));
    assert.ok(!xml.includes('<Etat>') && !xml.includes('& B'));
  });

  it('refuses control characters XML cannot carry', () => {
    for (const bad of ['bell\u0007', 'nul\u0000', 'esc\u001b', 'c1\u0085', 'half \ud800 pair'])
      assert.throws(
        () => renderStatementEhf(sampleStatement({ seller: { ...doc.seller, name: bad } })),
        /cannot be written/,
        JSON.stringify(bad),
      );
  });

  it('keeps line breaks and tabs in text', () => {
    const name = 'linje 1\r\nlinje 2\tkolonne';
    const back = render(sampleStatement({ seller: { ...doc.seller, name } }));
    assert.equal(textOf(back, 'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName'), name);
  });

  it('leaves out a contact without e-mail rather than write it empty', () => {
    const back = render(sampleStatement({ seller: { ...doc.seller, email: '' } }));
    assert.deepEqual(all(back, 'cac:AccountingSupplierParty/cac:Party/cac:Contact'), []);
  });
});

describe('renderStatementEhf refuses a statement that would not be valid', () => {
  const cases: [string, StatementDocument, RegExp][] = [
    ['lines that do not sum to the total', sampleStatement({ totalOre: 1 }), /sum to/],
    ['an invoice with a negative total', sampleStatement({ lines: [{ ...sampleLines[2]! }] }), /owes nothing/],
    ['a correction without the statement it corrects', sampleStatement({ purpose: 'correction' }), /corrects/],
    [
      'an organisation number with a wrong check digit',
      sampleStatement({ buyer: { ...sampleStatement().buyer, orgNumber: '123456789' } }),
      /organisation number/,
    ],
    [
      'an amount that is not whole øre',
      sampleStatement({ lines: [{ ...sampleLines[0]!, ore: 0.5 }], totalOre: 0.5 }),
      /whole number of øre/,
    ],
    ['no lines', sampleStatement({ lines: [] }), /at least one line/],
    ['an empty buyer reference', sampleStatement({ buyerReference: ' ' }), /BuyerReference would be empty/],
  ];
  for (const [what, doc, error] of cases) it(what, () => assert.throws(() => renderStatementEhf(doc), error));
});

describe('isOrgNumber', () => {
  it('checks nine digits and the modulus 11 check digit', () => {
    for (const good of ['987654325', '123456785', '974760673']) assert.ok(isOrgNumber(good), good);
    for (const bad of ['123456789', '12345678', '1234567850', '12345678a', '']) assert.ok(!isOrgNumber(bad), bad);
  });
});
