/**
 * Fonts, colours and text encoding shared by the PDF renderers (the service report, billing statements). They use the
 * PDF standard Helvetica fonts: every reader has them, nothing is embedded, and their WinAnsi encoding covers Norwegian letters and the
 * no-break space that Norwegian number formatting uses.
 */
export const fonts = {
  regular: 'Helvetica',
  bold: 'Helvetica-Bold',
  italic: 'Helvetica-Oblique',
  boldItalic: 'Helvetica-BoldOblique',
} as const;

export const colours = {
  ink: '#1e2b3c',
  muted: '#4b5563',
  rule: '#c9d1db',
  headerFill: '#e8eef5',
  missed: '#c01b1b',
  link: '#0062ba',
} as const;

export function fontFor(bold: boolean | undefined, italic: boolean | undefined): string {
  if (bold === true) return italic === true ? fonts.boldItalic : fonts.bold;
  return italic === true ? fonts.italic : fonts.regular;
}

/** Characters outside WinAnsi that the rendered texts are known to use, and what to write instead. */
const replacements: Record<string, string> = {
  '\u2265': '>=',
  '\u2264': '<=',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u202f': '\u00a0',
  '\u2007': '\u00a0',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2713': 'v',
  '\u2714': 'v',
  '\u2717': 'x',
  '\u2718': 'x',
  '\u00ad': '',
  '\t': ' ',
};

/** The characters above Latin-1 that WinAnsi (and so the standard fonts) has; pdfkit maps them to its code points. */
const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/**
 * Text as the standard fonts can show it. pdfkit writes any other character as a broken code, so this runs on every
 * string before it is drawn: known symbols get an ASCII stand-in, anything else left over becomes "?".
 */
export function pdfSafe(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const replaced = replacements[char];
    if (replaced !== undefined) {
      out += replaced;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char))
      out += char;
    else out += '?';
  }
  return out;
}
