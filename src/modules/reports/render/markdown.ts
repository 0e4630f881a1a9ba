import MarkdownIt, { type Token } from 'markdown-it';

/**
 * The one markdown configuration for report content. `html: false` is the sanitising: raw HTML in the source is
 * escaped and shown as text, never passed through, so the output needs no separate HTML sanitiser. Typographer is off
 * so quotes and dashes stay as written.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });

const allowedLink = /^(https?:|mailto:)/i;

// Only web and mail links: javascript:, data:, file: and relative links (which would resolve against wherever the
// report happens to be shown) are left as text.
md.validateLink = (url: string): boolean => allowedLink.test(url.trim());

const defaultLinkOpen =
  md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  // Every allowed link leaves the site; the opened page must not get a handle on this window or learn where it came from.
  if (token && /^https?:/i.test(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function markdownToHtml(markdown: string): string {
  return md.render(markdown);
}

/** A piece of text with one formatting. */
export interface InlineRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

/** Markdown reduced to what the PDF draws: headings, paragraphs and list items, each a line of formatted runs. */
export type MarkdownBlock =
  | { kind: 'heading'; level: number; runs: InlineRun[] }
  | { kind: 'paragraph'; runs: InlineRun[]; depth: number }
  /** `marker` is "•" or the item's number with a dot; `depth` counts enclosing lists (1 for a top-level item). */
  | { kind: 'item'; marker: string; runs: InlineRun[]; depth: number };

/** Adds `run` to `runs`, joining it to the last one when their formatting is the same. */
function appendRun(runs: InlineRun[], run: InlineRun): void {
  const last = runs[runs.length - 1];
  if (last !== undefined && last.bold === run.bold && last.italic === run.italic && last.href === run.href)
    last.text += run.text;
  else runs.push({ ...run });
}

/** The runs of one inline token: bold, italic and links as flags; code spans and images (their alt text) as plain text. */
function inlineRuns(children: readonly Token[]): InlineRun[] {
  const runs: InlineRun[] = [];
  let bold = 0;
  let italic = 0;
  const links: string[] = [];
  const push = (text: string) => {
    if (text === '') return;
    const run: InlineRun = { text };
    if (bold > 0) run.bold = true;
    if (italic > 0) run.italic = true;
    const href = links[links.length - 1];
    if (href !== undefined && href !== '') run.href = href;
    appendRun(runs, run);
  };
  for (const token of children) {
    switch (token.type) {
      case 'text':
      case 'code_inline':
      case 'html_inline':
        push(token.content);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'strong_open':
        bold += 1;
        break;
      case 'strong_close':
        bold -= 1;
        break;
      case 'em_open':
        italic += 1;
        break;
      case 'em_close':
        italic -= 1;
        break;
      case 'link_open':
        links.push(String(token.attrGet('href') ?? ''));
        break;
      case 'link_close':
        links.pop();
        break;
      case 'image':
        push(token.content);
        break;
      default:
        break;
    }
  }
  return runs;
}

interface OpenList {
  ordered: boolean;
  next: number;
}

/** Walks markdown-it's block tokens; nesting beyond lists (quotes, tables) is flattened into paragraphs. */
export function markdownToParagraphs(markdown: string): MarkdownBlock[] {
  const tokens = md.parse(markdown, {});
  const blocks: MarkdownBlock[] = [];
  const lists: OpenList[] = [];
  let heading: number | null = null;
  let pendingMarker: string | null = null;
  let tableRow: InlineRun[] | null = null;
  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        heading = Number(token.tag.slice(1));
        break;
      case 'heading_close':
        heading = null;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists[lists.length - 1];
        if (list?.ordered) {
          pendingMarker = `${list.next}.`;
          list.next += 1;
        } else pendingMarker = '•';
        break;
      }
      case 'list_item_close':
        pendingMarker = null;
        break;
      case 'tr_open':
        tableRow = [];
        break;
      case 'tr_close':
        if (tableRow !== null && tableRow.length > 0)
          blocks.push({ kind: 'paragraph', runs: tableRow, depth: lists.length });
        tableRow = null;
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'paragraph', runs: [{ text: token.content.replace(/\n$/, '') }], depth: lists.length });
        break;
      case 'inline': {
        const runs = inlineRuns(token.children ?? []);
        if (tableRow !== null) {
          if (tableRow.length > 0) appendRun(tableRow, { text: ' | ' });
          for (const run of runs) appendRun(tableRow, run);
        } else if (heading !== null) blocks.push({ kind: 'heading', level: heading, runs });
        else if (pendingMarker !== null) {
          blocks.push({ kind: 'item', marker: pendingMarker, runs, depth: lists.length });
          pendingMarker = null;
        } else if (runs.length > 0) blocks.push({ kind: 'paragraph', runs, depth: lists.length });
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}
