import { SaxesParser } from 'saxes';

/**
 * XML read back with a real, conformant parser (saxes, which exceljs depends on) into a small tree with namespaces
 * resolved, so the tests see what a receiving access point would see, entities and all.
 */
export interface XmlNode {
  uri: string;
  local: string;
  /** Attributes without a namespace, by local name. */
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The text directly inside the element. */
  text: string;
}

export const ubl = {
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  creditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
} as const;

export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {};
    for (const attribute of Object.values(tag.attributes))
      if (attribute.uri === '') attributes[attribute.local] = attribute.value;
    const node: XmlNode = { uri: tag.uri, local: tag.local, attributes, children: [], text: '' };
    const parent = stack.at(-1);
    if (parent === undefined) root = node;
    else parent.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    const node = stack.at(-1);
    if (node !== undefined) node.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(xml).close();
  if (root === undefined) throw new Error('no root element');
  return root;
}

/** `cbc:ID` → its namespace and local name. */
function nameOf(qualified: string): { uri: string; local: string } {
  const [prefix, local] = qualified.split(':') as [keyof typeof ubl, string];
  return { uri: ubl[prefix], local };
}

/** The children at a path of qualified names, e.g. `all(doc, 'cac:InvoiceLine')`. */
export function all(node: XmlNode, path: string): XmlNode[] {
  let nodes = [node];
  for (const step of path.split('/')) {
    const { uri, local } = nameOf(step);
    nodes = nodes.flatMap((n) => n.children.filter((c) => c.uri === uri && c.local === local));
  }
  return nodes;
}

export function one(node: XmlNode, path: string): XmlNode {
  const found = all(node, path);
  if (found.length !== 1) throw new Error(`${path}: ${found.length} elements, expected one`);
  return found[0]!;
}

export function textOf(node: XmlNode, path: string): string {
  return one(node, path).text;
}
