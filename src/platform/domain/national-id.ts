const firstWeights = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const secondWeights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

function checkDigit(digits: number[], weights: number[]): number {
  const remainder = weights.reduce((sum, w, i) => sum + w * (digits[i] ?? 0), 0) % 11;
  return remainder === 0 ? 0 : 11 - remainder;
}

/**
 * A Norwegian national identity number (fødselsnummer, D-number, or a synthetic test number): eleven digits whose last
 * two are MOD11 check digits. The date part is not checked, since D- and synthetic numbers shift it.
 */
export function isValidNationalId(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const first = checkDigit(digits, firstWeights);
  if (first === 10 || first !== digits[9]) return false;
  const second = checkDigit(digits, secondWeights);
  return second !== 10 && second === digits[10];
}
