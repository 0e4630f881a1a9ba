/**
 * A small XML writer for the EHF documents. No XML library is installed; this one builds a tree and serialises it with
 * every text and attribute escaped, so no name or reference from the data can change the document's structure. It
 * refuses what XML 1.0 cannot carry (control characters, unpaired surrogates) and, as Peppol's rule R008 requires,
 * any element left empty: a caller leaves an optional element out instead of writing it blank.
 */
export interface XmlElement {
  name: string;
  attributes: Readonly<Record<string, string>>;
  /** Text content, or child elements. */
  content: string | readonly XmlElement[];
}

/** Children given to `el` may include `null` for an optional element that is absent. */
export type XmlChild = XmlElement | null;

export function el(
  name: string,
  content: string | readonly XmlChild[],
  attributes: Readonly<Record<string, string>> = {},
): XmlElement {
  return {
    name,
    attributes,
    content: typeof content === 'string' ? content : content.filter((child) => child !== null),
  };
}

const elementName = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
// C0 controls other than tab, line feed and carriage return, DEL and the C1 controls, the two non-characters XML
// excludes, and surrogates not part of a pair.
const refused =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkText(text: string, where: string): void {
  const bad = refused.exec(text);
  if (bad !== null)
    throw new Error(
      `${where}: character U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} cannot be written`,
    );
}

/** Text content: markup characters as entities, and a carriage return as a reference, which parsers keep (a literal one becomes a line feed). */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#xD;');
}

/** An attribute value in double quotes: also both quotes, and whitespace a parser would otherwise turn into spaces. */
export function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;');
}

function write(element: XmlElement, depth: number, out: string[]): void {
  if (!elementName.test(element.name)) throw new Error(`not an element name: ${element.name}`);
  const indent = '  '.repeat(depth);
  let open = `<${element.name}`;
  for (const [name, value] of Object.entries(element.attributes)) {
    if (!elementName.test(name)) throw new Error(`${element.name}: not an attribute name: ${name}`);
    checkText(value, `${element.name}/@${name}`);
    open += ` ${name}="${escapeAttribute(value)}"`;
  }
  if (typeof element.content === 'string') {
    if (element.content.trim() === '') throw new Error(`${element.name} would be empty`);
    checkText(element.content, element.name);
    out.push(`${indent}${open}>${escapeText(element.content)}</${element.name}>`);
    return;
  }
  if (element.content.length === 0) throw new Error(`${element.name} would be empty`);
  out.push(`${indent}${open}>`);
  for (const child of element.content) write(child, depth + 1, out);
  out.push(`${indent}</${element.name}>`);
}

/** The document with an XML declaration, indented two spaces a level (whitespace only between elements). */
export function serializeXml(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, 0, out);
  return `${out.join('\n')}\n`;
}
