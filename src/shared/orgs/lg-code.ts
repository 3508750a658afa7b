/**
 * 全国地方公共団体コード: 2-digit prefecture (JIS X 0401) + 3-digit municipality (JIS X 0402)
 * + a check digit. The check digit is 11 - (Σ digit × weight 6..2 mod 11), last digit of that,
 * as the Ministry of Internal Affairs and Communications specifies.
 */
export function computeLgCheckDigit(fiveDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 5; i++) sum += Number(fiveDigits[i]) * (6 - i);
  const remainder = sum % 11;
  return remainder === 0 ? 1 : (11 - remainder) % 10;
}

export type LgCodeProblem = 'format' | 'prefecture' | 'check_digit';

/** Tells why a string is not a valid local government code, or null when it is one. */
export function findLgCodeProblem(code: string): LgCodeProblem | null {
  if (!/^\d{6}$/.test(code)) return 'format';
  const prefecture = Number(code.slice(0, 2));
  if (prefecture < 1 || prefecture > 47) return 'prefecture';
  if (computeLgCheckDigit(code.slice(0, 5)) !== Number(code[5])) return 'check_digit';
  return null;
}

export function isValidLgCode(code: string): boolean {
  return findLgCodeProblem(code) === null;
}
