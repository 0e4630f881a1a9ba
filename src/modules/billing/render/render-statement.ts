import type { StatementDocument } from '../domain/statement-document.ts';
export async function renderStatement(doc: StatementDocument, format: string, lang: string): Promise<Buffer> {
  return Buffer.from(JSON.stringify({ doc, format, lang }));
}
