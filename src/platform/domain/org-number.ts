const weights = [3, 2, 7, 6, 5, 4, 3, 2];

/** A Norwegian organisation number: nine digits whose last is a MOD11 check digit (Brønnøysundregistrene's rule). */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = weights.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === digits[8];
}
