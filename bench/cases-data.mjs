// Realistic synthetic kaizen cases for the search bench: 1,700-odd local governments of every type
// and size, a municipal vocabulary of thousands of terms drawn with a Zipf-like spread, sentences
// of varied length, ten fiscal years. Every term a case uses is counted, so the bench can choose
// query terms by how many cases they match. Rows go in through unnest() arrays in batches.
import { randomUUID } from 'node:crypto';
import { markersOf } from '../dist/server/features/cases/search-markers.js';
import { toTsVector } from '../dist/server/features/cases/search-text.js';
import { caseMethods, policyFields } from '../dist/shared/cases/case-schema.js';
import { sceneIds } from '../dist/shared/cases/scene-grid.js';
import { insertColumns } from './bulk.mjs';
import { createRandom } from './random.mjs';

// Nouns of municipal work. Two-character ones (窓口, 押印 …) are what people type most.
const nouns =
  `窓口 押印 申請 届出 住民票 戸籍 証明書 税務 課税 収納 国保 年金 介護 福祉 子育て 保育 給食 学校 図書館 公民館 公園 道路 河川 下水道 上水道
ごみ 資源 防災 避難所 消防 救急 健診 予防接種 相談 広報 広聴 議会 会議 文書 決裁 電話 予約 施設 庁舎 照明 空調 印刷 郵送 封筒 用紙 台帳 入力 集計
点検 検査 契約 入札 支払 請求 旅費 休暇 研修 採用 評価 勤怠 時間外 会計 予算 決算 財産 備品 車両 公用車 駐車場 清掃 警備 受付 案内 手数料
補助金 助成金 給付金 手当 奨学金 就学援助 転入 転出 婚姻 出生 死亡 印鑑 マイナンバー 住所 氏名 世帯 高齢者 障害者 児童 生徒 保護者 市民 町民 村民
事業者 農家 観光客 移住者 外国人 ボランティア 自治会 町内会 商店街 地域 集落 空き家 空き地 道の駅 観光 農業 林業 漁業 商工 企業 誘致 雇用 交通
バス 鉄道 デマンド 乗合 通学 通院 買物 見守り 孤立 認知症 虐待 貧困 生活 保護 就労 支援 指導 監査 統計 調査 アンケート 計画 条例 規則 要綱
様式 帳票 データ 名簿 回覧 掲示 通知 案内状 督促 催告 滞納 徴収 還付 減免 更正 申告 確定 期限 受付簿 窓口票 整理券 番号札 待合 動線 レイアウト`
    .split(/\s+/)
    .filter(Boolean);

const modifiers =
  `電子 オンライン 一括 共通 簡易 自動 業務 手続 事務 管理 受付 対応 処理 確認 作成 改善 削減 短縮 廃止 統合 見直し 共有 活用 導入 標準
集約 外部 委託 協働 連携 無人 セルフ 即日 事前 事後 定期 臨時 全庁 部局 所属 個別 合同 横断 広域 遠隔 非接触 キャッシュレス 押印レス ペーパーレス
ワンストップ 書かない 行かない 待たない`
    .split(/\s+/)
    .filter(Boolean);

/** Letters and products municipalities name as they are, in the forms people type them. */
export const mixedTerms = [
  'RPA',
  'AI-OCR',
  'LINE',
  'QRコード',
  'Excel',
  'kintone',
  'Teams',
  'GIS',
  'LGWAN',
  'SNS',
  'Web会議',
  'IoT',
];
const mixedVariants = {
  RPA: ['RPA', 'ＲＰＡ', 'rpa'],
  'AI-OCR': ['AI-OCR', 'ＡＩ－ＯＣＲ', 'AI‐OCR'],
  LINE: ['LINE', 'ＬＩＮＥ'],
  Excel: ['Excel', 'エクセル', 'ＥＸＣＥＬ'],
};

const verbs = [
  '見直した',
  '統合した',
  '廃止した',
  '電子化した',
  '自動化した',
  '一本化した',
  '簡素化した',
  '外部に委託した',
  '共有した',
  '標準化した',
];
const problems = [
  '時間がかかっていた',
  '市民を待たせていた',
  '同じ内容を何度も書かせていた',
  '紙で回覧していた',
  '担当者しか分からなかった',
  '問い合わせが集中していた',
  '転記の誤りが多かった',
];
const results = [
  '待ち時間が短くなった',
  '作業時間が大きく減った',
  '紙の使用量が減った',
  '問い合わせが減った',
  '誤りがなくなった',
  '職員の残業が減った',
  '市民の満足度が上がった',
];

/** Terms: nouns alone, and compounds of a modifier and a noun, ranked for a Zipf-like draw. */
function buildVocabulary(random, size) {
  const terms = new Set(nouns);
  while (terms.size < size) {
    const noun = random.pick(nouns);
    const modifier = random.pick(modifiers);
    terms.add(random.chance(0.6) ? `${modifier}${noun}` : `${noun}${modifier}`);
  }
  // Shuffle, then the rank decides the weight: some 2-character nouns are very common, others rare.
  const list = [...terms];
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  const weights = list.map((_, rank) => 1 / (rank + 1) ** 1.07);
  const cumulative = [];
  let sum = 0;
  for (const w of weights) {
    sum += w;
    cumulative.push(sum);
  }
  const draw = () => {
    const r = random.next() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid] < r) low = mid + 1;
      else high = mid;
    }
    return list[low];
  };
  return { list, draw };
}

// Japan's local governments by type, roughly as many as there are (1,788 in all).
const orgTypes = [
  ['prefecture', 47, [550_000, 14_000_000]],
  ['designated_city', 20, [690_000, 3_770_000]],
  ['core_city', 62, [200_000, 650_000]],
  ['city', 688, [3_000, 480_000]],
  ['special_ward', 23, [58_000, 940_000]],
  ['town', 743, [900, 50_000]],
  ['village', 183, [160, 40_000]],
];

function sentence(random, draw) {
  const a = draw();
  const b = draw();
  switch (random.int(0, 3)) {
    case 0:
      return `${a}の${b}で${random.pick(problems)}。`;
    case 1:
      return `${a}と${b}を${random.pick(verbs)}。`;
    case 2:
      return `${a}について、${b}の手順を${random.pick(verbs)}。`;
    default:
      return `その結果、${a}では${random.pick(results)}。`;
  }
}

/**
 * Writes `orgCount` organisations and `caseCount` published cases over ten fiscal years to the
 * database, and returns what the query mix needs: the organisation the bench reads as, and how
 * many cases each term and mixed-script word appears in.
 */
export async function seedCases(db, { caseCount, seed = 20261130, onProgress = () => {} }) {
  const random = createRandom(seed);
  const vocabulary = buildVocabulary(random, 6000);
  const now = new Date('2026-11-30T09:00:00+09:00');

  const orgs = [];
  for (const [type, count, [low, high]] of orgTypes) {
    for (let i = 0; i < count; i++) {
      // Population spread log-uniformly inside the type's range.
      const population = Math.round(Math.exp(Math.log(low) + random.next() * (Math.log(high) - Math.log(low))));
      orgs.push({
        id: randomUUID(),
        kind: 'municipality',
        name: `ベンチ${type === 'prefecture' ? '県' : type === 'town' ? '町' : type === 'village' ? '村' : '市'}${orgs.length + 1}`,
        prefecture_code: String(1 + (orgs.length % 47)).padStart(2, '0'),
        municipality_type: type,
        population,
        is_platform: false,
        created_at: now,
        updated_at: now,
      });
    }
  }
  await insertColumns(
    db,
    'organizations',
    {
      id: 'uuid',
      kind: 'text',
      name: 'text',
      prefecture_code: 'text',
      municipality_type: 'text',
      population: 'int4',
      is_platform: 'bool',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
    },
    orgs,
  );
  // Bigger governments report more: the weight of an organisation grows with its population.
  const orgWeights = [];
  let orgSum = 0;
  for (const o of orgs) {
    orgSum += Math.sqrt(o.population);
    orgWeights.push(orgSum);
  }
  const drawOrg = () => {
    const r = random.next() * orgSum;
    let low = 0;
    let high = orgWeights.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (orgWeights[mid] < r) low = mid + 1;
      else high = mid;
    }
    return orgs[low];
  };

  const termCases = new Map();
  const mixedCases = new Map(mixedTerms.map((t) => [t, 0]));
  const batchSize = 5000;
  const caseColumns = {
    id: 'uuid',
    org_id: 'uuid',
    status: 'text',
    sharing: 'text',
    title: 'text',
    problem: 'text',
    action: 'text',
    result: 'text',
    remaining: 'text',
    happened_on: 'date',
    fiscal_year: 'int4',
    scene_id: 'text',
    policy_field: 'text',
    method: 'text',
    search_vector: 'tsvector',
    published_at: 'timestamptz',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
  };
  const effectColumns = {
    id: 'uuid',
    case_id: 'uuid',
    org_id: 'uuid',
    position: 'int2',
    kind: 'text',
    target: 'numeric',
    actual: 'numeric',
  };
  for (let start = 0; start < caseCount; start += batchSize) {
    const rows = [];
    const effects = [];
    for (let i = start; i < Math.min(caseCount, start + batchSize); i++) {
      const org = drawOrg();
      const used = new Set();
      const draw = () => {
        const term = vocabulary.draw();
        used.add(term);
        return term;
      };
      const title = `${draw()}の${draw()}を${random.pick(verbs).replace(/た$/, 'る')}`;
      const parts = [1, 2, 3].map(() =>
        Array.from({ length: random.int(1, 4) }, () => sentence(random, draw)).join(''),
      );
      // One case in twelve names a product or technique, in the form its writer typed.
      if (random.chance(1 / 12)) {
        const mixed = random.pick(mixedTerms);
        mixedCases.set(mixed, mixedCases.get(mixed) + 1);
        const written = random.pick(mixedVariants[mixed] ?? [mixed]);
        parts[1] = `${written}を使い、${parts[1]}`;
      }
      for (const term of used) termCases.set(term, (termCases.get(term) ?? 0) + 1);
      const fiscalYear = 2016 + Math.min(9, Math.floor(random.next() ** 0.7 * 10));
      const month = random.int(0, 11);
      const happenedOn = `${month < 9 ? fiscalYear : fiscalYear + 1}-${String(((month + 3) % 12) + 1).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
      const id = randomUUID();
      const sceneId = random.pick(sceneIds);
      const policyField = random.pick(policyFields);
      const method = random.pick(caseMethods);
      rows.push({
        id,
        org_id: org.id,
        status: 'published',
        sharing: random.chance(0.8) ? 'network' : random.chance(0.5) ? 'public' : 'org',
        title,
        problem: parts[0],
        action: parts[1],
        result: parts[2],
        remaining: '',
        happened_on: happenedOn,
        fiscal_year: fiscalYear,
        scene_id: sceneId,
        policy_field: policyField,
        method,
        search_vector: toTsVector(
          [
            { text: title, weight: 'A' },
            { text: parts[0], weight: 'B' },
            { text: parts[1], weight: 'B' },
            { text: parts[2], weight: 'B' },
          ],
          markersOf({ title, happenedOn, fiscalYear, policyField, sceneId, method }),
        ),
        published_at: now,
        created_at: now,
        updated_at: now,
      });
      if (random.chance(0.6)) {
        const hours = random.int(10, 2000);
        effects.push({
          id: randomUUID(),
          case_id: id,
          org_id: org.id,
          position: 0,
          kind: 'hours_per_year',
          target: hours,
          actual: Math.round(hours * (0.5 + random.next())),
        });
      }
      if (random.chance(0.3)) {
        const yen = random.int(10, 5000) * 1000;
        effects.push({
          id: randomUUID(),
          case_id: id,
          org_id: org.id,
          position: 1,
          kind: 'yen_per_year',
          target: yen,
          actual: Math.round(yen * (0.5 + random.next())),
        });
      }
    }
    await insertColumns(db, 'kaizen_cases', caseColumns, rows);
    if (effects.length > 0) await insertColumns(db, 'case_effects', effectColumns, effects);
    onProgress(Math.min(caseCount, start + batchSize));
  }
  return { orgs, termCases, mixedCases, vocabularySize: vocabulary.list.length };
}
