import { textProblem } from '../domain/text-rule.ts';

export interface UnsafeText {
  /** Dotted path of the offending string, `(body)` when the input itself is one. */
  field: string;
  message: string;
}

const maxDepth = 32;

function isPlainContainer(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The safety net under every schema: the first string anywhere in a parsed input (keys included) that breaks the
 * rule all text follows (well-formed, no control characters other than tab and line breaks). A schema that forgot
 * `text()` still cannot let a NUL or a lone surrogate through. Buffers, files and other objects are not walked.
 */
export function findUnsafeText(value: unknown, path: readonly string[] = [], depth = 0): UnsafeText | null {
  if (typeof value === 'string') {
    const message = textProblem(value, 'multiline');
    return message === null ? null : { field: path.join('.') || '(body)', message };
  }
  if (typeof value !== 'object' || value === null || depth > maxDepth || !isPlainContainer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const keyProblem = textProblem(key, 'line');
    if (keyProblem !== null) return { field: [...path, '(key)'].join('.'), message: keyProblem };
    const found = findUnsafeText(item, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}
