import type { Party, StatementDocument, StatementLine } from '../domain/statement-document.ts';
import { layoutStatement } from './layout-statement.ts';
import { checkedOre, oreToDecimal } from './money.ts';
import { el, serializeXml, type XmlElement } from './xml-writer.ts';

/**
 * A statement as an EHF / Peppol BIS Billing 3.0 document (UBL 2.1): an Invoice, or a CreditNote with its amounts
 * negated (UBL credit notes state what is credited as positive amounts). Elements are written in the order the UBL
 * schema requires.
 *
 * VAT: the operator is a public agency billing other public agencies for a shared service, outside the scope of VAT,
 * so every line and the one VAT breakdown have category O ("not subject to VAT") with exemption reason code
 * VATEX-EU-O and zero tax. The rules for category O (BR-O-*) then also require that no party carries a VAT identifier
 * (no PartyTaxScheme), that no line or breakdown states a rate (no Percent) and that there is no other category. Should
 * the service become subject to VAT, this is the one place to change, with the seller's NO…MVA identifier added.
 *
 * Lines: BIS requires each line's net amount to equal quantity × price (PEPPOL-EN16931-R120) and forbids a negative
 * price (BR-27). A line bills an amount rated from weighted transactions at tiered prices, so amount ÷ transactions is
 * rarely a price with a finite number of decimals, and a correction can change the amount without changing the count.
 * Each line is therefore quantity 1 (unit C62, "one") at the line's amount; a line that credits (a negative amount,
 * as a provisional quarter or a correction may have) is quantity -1 at the positive amount, as BIS's own examples do.
 * The weighted transactions go along as an item property, for the reader.
 *
 * Not written: the seller's "Foretaksregisteret" (Norwegian rule NO-R-002, a warning) concerns limited companies,
 * which a public agency is not; and a bank account, which the statement does not have (see the payment means).
 */

const namespaces = {
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};
const invoiceNamespace = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const creditNoteNamespace = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';
export const customizationId = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const profileId = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
const currency = 'NOK';
/** ICD 0192: the Norwegian organisation number (Enhetsregisteret), as endpoint and legal registration. */
const orgNumberScheme = '0192';
const vatCategory = 'O';
const vatExemptionCode = 'VATEX-EU-O';
const vatExemptionText = 'Ikke merverdiavgiftspliktig (utenfor merverdiavgiftsområdet)';
/**
 * UNCL 4461 "1", instrument not defined: the statement has no account number yet, and credit transfer (30) requires
 * the payee's account (BR-61). The means carry the payment reference (and, on a credit note, the due date).
 */
const paymentMeansCode = '1';
const unitCode = 'C62';

/**
 * Whether `value` is a Norwegian organisation number: nine digits whose last is the modulus 11 check digit of the
 * others (weights 3 2 7 6 5 4 3 2). Peppol refuses a document whose 0192 identifiers fail it (PEPPOL-COMMON-R041).
 */
export function isOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const weights = [3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return (11 - (sum % 11)) % 11 === Number(value[8]);
}

function orgNumber(party: Party, role: string): string {
  if (!isOrgNumber(party.orgNumber))
    throw new Error(`the ${role}'s organisation number is not valid: ${party.orgNumber}`);
  return party.orgNumber;
}

function amount(name: string, ore: number): XmlElement {
  return el(name, oreToDecimal(ore), { currencyID: currency });
}

/** A number as plain decimal text: JavaScript writes very large and very small numbers with an exponent. */
function plainNumber(value: number): string {
  if (value === 0) return '0';
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function party(value: Party, role: string): XmlElement {
  const number = orgNumber(value, role);
  return el('cac:Party', [
    el('cbc:EndpointID', number, { schemeID: orgNumberScheme }),
    // The model has no street address; BIS requires only the country (BT-40, BT-55).
    el('cac:PostalAddress', [el('cac:Country', [el('cbc:IdentificationCode', 'NO')])]),
    el('cac:PartyLegalEntity', [
      el('cbc:RegistrationName', value.name),
      el('cbc:CompanyID', number, { schemeID: orgNumberScheme }),
    ]),
    value.email.trim() === '' ? null : el('cac:Contact', [el('cbc:ElectronicMail', value.email)]),
  ]);
}

function taxCategory(name: 'cac:TaxCategory' | 'cac:ClassifiedTaxCategory', withReason: boolean): XmlElement {
  return el(name, [
    el('cbc:ID', vatCategory),
    withReason ? el('cbc:TaxExemptionReasonCode', vatExemptionCode) : null,
    withReason ? el('cbc:TaxExemptionReason', vatExemptionText) : null,
    el('cac:TaxScheme', [el('cbc:ID', 'VAT')]),
  ]);
}

function line(value: StatementLine, index: number, sign: 1 | -1, credit: boolean): XmlElement {
  checkedOre(value.ore, `line ${index + 1}`);
  const ore = sign * value.ore;
  const name = [value.productName, value.metricName].map((part) => part.trim()).filter((part) => part !== '');
  return el(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', [
    el('cbc:ID', String(index + 1)),
    el(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', ore < 0 ? '-1' : '1', { unitCode }),
    amount('cbc:LineExtensionAmount', ore),
    el('cac:Item', [
      el('cbc:Name', name.length > 0 ? name.join(' – ') : `${value.product} ${value.metric}`),
      el('cac:SellersItemIdentification', [el('cbc:ID', `${value.product}:${value.metric}`)]),
      taxCategory('cac:ClassifiedTaxCategory', false),
      el('cac:AdditionalItemProperty', [
        el('cbc:Name', 'Vektede transaksjoner'),
        // Signed as the amounts are: a credit note states what it credits as positive.
        el('cbc:Value', plainNumber(sign * value.weightedTransactions)),
      ]),
    ]),
    el('cac:Price', [amount('cbc:PriceAmount', Math.abs(ore))]),
  ]);
}

export function renderStatementEhf(doc: StatementDocument): string {
  // Checks the statement (lines sum to the total, kind matches the sign, a correction names its original) and gives
  // the bokmål texts of the note.
  const layout = layoutStatement(doc, 'nb');
  if (doc.lines.length === 0) throw new Error(`statement ${doc.number}: an EHF document has at least one line`);
  const credit = doc.kind === 'credit-note';
  const sign = credit ? -1 : 1;
  const total = sign * doc.totalOre;
  const note = [
    layout.kindText,
    layout.subtitle,
    ...layout.provenance.map((fact) => `${fact.label}: ${fact.value}`),
  ].join('. ');
  const root = el(
    credit ? 'CreditNote' : 'Invoice',
    [
      el('cbc:CustomizationID', customizationId),
      el('cbc:ProfileID', profileId),
      el('cbc:ID', doc.number),
      el('cbc:IssueDate', doc.issueDate),
      // An invoice has its due date here; UBL 2.1's CreditNote has none, and BIS puts it in the payment means.
      credit ? null : el('cbc:DueDate', doc.dueDate),
      el(credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode', credit ? '381' : '380'),
      el('cbc:Note', note),
      el('cbc:DocumentCurrencyCode', currency),
      el('cbc:BuyerReference', doc.buyerReference),
      el('cac:InvoicePeriod', [el('cbc:StartDate', doc.period.start), el('cbc:EndDate', doc.period.end)]),
      doc.correctsNumber === null
        ? null
        : el('cac:BillingReference', [el('cac:InvoiceDocumentReference', [el('cbc:ID', doc.correctsNumber)])]),
      el('cac:AccountingSupplierParty', [party(doc.seller, 'seller')]),
      el('cac:AccountingCustomerParty', [party(doc.buyer, 'buyer')]),
      el('cac:PaymentMeans', [
        el('cbc:PaymentMeansCode', paymentMeansCode),
        credit ? el('cbc:PaymentDueDate', doc.dueDate) : null,
        el('cbc:PaymentID', doc.number),
      ]),
      el('cac:TaxTotal', [
        amount('cbc:TaxAmount', 0),
        el('cac:TaxSubtotal', [
          amount('cbc:TaxableAmount', total),
          amount('cbc:TaxAmount', 0),
          taxCategory('cac:TaxCategory', true),
        ]),
      ]),
      el('cac:LegalMonetaryTotal', [
        amount('cbc:LineExtensionAmount', total),
        amount('cbc:TaxExclusiveAmount', total),
        amount('cbc:TaxInclusiveAmount', total),
        amount('cbc:PayableAmount', total),
      ]),
      ...doc.lines.map((value, i) => line(value, i, sign, credit)),
    ],
    {
      xmlns: credit ? creditNoteNamespace : invoiceNamespace,
      'xmlns:cac': namespaces.cac,
      'xmlns:cbc': namespaces.cbc,
    },
  );
  return serializeXml(root);
}
