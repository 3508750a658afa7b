/**
 * The words for a case's coded values, in Japanese and English: the screens show them through
 * i18n and the server writes them into exports, so both read them from here.
 */
export const caseWords = {
  ja: {
    status: {
      draft: '下書き',
      submitted: '提出済み（確認待ち）',
      returned: '差し戻し',
      approved: '承認済み',
      published: '公開中',
    },
    sharing: {
      org: '組織内',
      network: '会員自治体に共有',
      public: '一般公開',
    },
    methods: { stop: 'やめる', reduce: 'へらす', change: 'かえる', ict: 'ICT' },
    policyFields: {
      counter: '窓口',
      ict: 'ICT・デジタル',
      facilities: '公共施設',
      collaboration: '連携・協働',
      private_sector: '民間活用',
      revenue: '歳入',
      internal_affairs: '内部事務',
      welfare: '福祉・子育て',
      disaster: '防災',
      environment: '環境',
      other: 'その他',
    },
    effectKinds: {
      hours_per_year: '時間の削減',
      yen_per_year: '金額の削減',
      paper_sheets: '紙の削減',
      waiting_minutes: '待ち時間の短縮',
      satisfaction: '満足度',
      other: 'その他',
    },
  },
  en: {
    status: {
      draft: 'Draft',
      submitted: 'Submitted (awaiting review)',
      returned: 'Returned',
      approved: 'Approved',
      published: 'Published',
    },
    sharing: {
      org: 'Within the organisation',
      network: 'Shared with member organisations',
      public: 'Public',
    },
    methods: { stop: 'Stop', reduce: 'Reduce', change: 'Change', ict: 'ICT' },
    policyFields: {
      counter: 'Service counters',
      ict: 'ICT and digital',
      facilities: 'Public facilities',
      collaboration: 'Collaboration',
      private_sector: 'Private sector',
      revenue: 'Revenue',
      internal_affairs: 'Internal work',
      welfare: 'Welfare and childcare',
      disaster: 'Disaster prevention',
      environment: 'Environment',
      other: 'Other',
    },
    effectKinds: {
      hours_per_year: 'Hours saved',
      yen_per_year: 'Money saved',
      paper_sheets: 'Paper saved',
      waiting_minutes: 'Waiting time cut',
      satisfaction: 'Satisfaction',
      other: 'Other',
    },
  },
} as const;
