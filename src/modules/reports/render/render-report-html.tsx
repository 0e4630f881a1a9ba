import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { projectFile } from '../../../platform/project-root.ts';
import { ChartSvg } from '../../../platform/web/charts/chart-svg.tsx';
import { markdownToHtml } from './markdown.ts';
import type { ReportCell, ReportDocument, ReportNode, ReportTable } from './report-document.ts';

/** Where a table's own CSV can be downloaded from, when the page offers it. */
export type TableDownloadHref = (tableId: string) => string;

function Cell({ cell, header }: { cell: ReportCell; header: boolean }) {
  const numeric = typeof cell.value === 'number';
  const className =
    [numeric ? 'niva-report__number' : '', cell.tone === 'missed' ? 'niva-report__missed' : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return header ? (
    <th scope="row" className={className}>
      {cell.text}
    </th>
  ) : (
    <td className={className}>{cell.text}</td>
  );
}

function Table({ table, csvHref }: { table: ReportTable; csvHref?: TableDownloadHref | undefined }) {
  return (
    <div className="niva-report__table-wrap">
      <table id={`table-${table.id}`}>
        <caption>
          {table.caption}
          {csvHref && (
            <>
              {' '}
              <a href={csvHref(table.id)} className="niva-report__csv">
                CSV
              </a>
            </>
          )}
        </caption>
        <thead>
          <tr>
            {table.columns.map((column, i) => (
              <th key={i} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <Cell key={i} cell={cell} header={table.rowHeaders && i === 0} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Node({ node, csvHref }: { node: ReportNode; csvHref?: TableDownloadHref | undefined }) {
  switch (node.kind) {
    case 'heading':
      return <h3 id={node.id}>{node.text}</h3>;
    case 'paragraph':
      return <p>{node.text}</p>;
    case 'list':
      return (
        <ul>
          {node.items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      );
    case 'markdown':
      // markdownToHtml renders with raw HTML disabled and only http(s)/mailto links, so its output is safe to insert.
      return (
        <div className="niva-report__markdown" dangerouslySetInnerHTML={{ __html: markdownToHtml(node.markdown) }} />
      );
    case 'table':
      return <Table table={node.table} csvHref={csvHref} />;
    case 'chart':
      return (
        <figure>
          <ChartSvg chart={node.chart} id={`chart-${node.tableId}`} />
        </figure>
      );
  }
}

/** The report as an article: sections as h2, sub-headings as h3, tables with captions and header cells, SVG charts. */
export function ReportArticle({ doc, csvHref }: { doc: ReportDocument; csvHref?: TableDownloadHref }) {
  return (
    <article className="niva-report" lang={doc.lang}>
      <h1>{doc.title}</h1>
      <p className="ds-paragraph">
        <strong>{doc.subtitle}</strong>
      </p>
      <p className="niva-report__colophon">{doc.colophon}</p>
      {doc.sections.map((section) => (
        <section key={section.id} aria-labelledby={`section-${section.id}`}>
          <h2 id={`section-${section.id}`}>{section.title}</h2>
          {section.nodes.map((node, i) => (
            <Node key={i} node={node} csvHref={csvHref} />
          ))}
        </section>
      ))}
    </article>
  );
}

const stylesheet = readFileSync(projectFile('src/platform/web/assets/report.css'), 'utf8');

/** A self-contained HTML file of the report (styles inline, no scripts), for `niva report --format html` and archiving. */
export function renderReportHtml(doc: ReportDocument): string {
  const body = renderToStaticMarkup(<ReportArticle doc={doc} />);
  const base =
    'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45;margin:2rem auto;padding:0 1rem;max-width:74rem;color:#1e2b3c}';
  return `<!doctype html>\n<html lang="${doc.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(`${doc.title} – ${doc.subtitle}`)}</title><style>${base}\n${stylesheet}</style></head><body><main>${body}</main></body></html>\n`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}
