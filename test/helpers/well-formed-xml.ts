import assert from 'node:assert/strict';

/** Asserts an XML document's declaration, that its elements nest and close, and that its text escapes markup. */
export function assertWellFormedXml(xml: string): void {
  assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n/);
  const stack: string[] = [];
  for (const [, closing, name, , selfClosing] of xml
    .replace(/^<\?xml[^>]*\?>/, '')
    .matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)) {
    if (selfClosing) continue;
    if (closing) assert.equal(stack.pop(), name, `</${name ?? ''}> closes the element that is open`);
    else stack.push(name ?? '');
  }
  assert.deepEqual(stack, []);
  assert.doesNotMatch(xml.replace(/<[^>]*>/g, ''), /[<]|&(?!(amp|lt|gt|quot|apos);)/, 'text has only escaped markup');
}
