/**
 * Messages for field errors we raise ourselves (Zod's own checks are worded by its ja/en locales).
 * The key travels as the error's `code`, so a client can also choose its own wording.
 */
export const fieldErrorCatalog = {
  required: { ja: '入力してください。', en: 'This is required.' },
  'lgCode.format': {
    ja: '団体コードは6桁の数字で入力してください。',
    en: 'Enter the local government code as 6 digits.',
  },
  'lgCode.prefecture': {
    ja: '団体コードの先頭2桁（都道府県コード）が正しくありません。',
    en: 'The first two digits (the prefecture code) are not valid.',
  },
  'lgCode.check_digit': {
    ja: '団体コードの検査数字（6桁目）が正しくありません。',
    en: 'The check digit (the 6th digit) is not correct.',
  },
  'lgCode.required': { ja: '自治体には団体コードが必要です。', en: 'A municipality needs its local government code.' },
  'department.unknown': { ja: 'この組織の部署を選んでください。', en: 'Choose a department of this organisation.' },
  'cursor.invalid': { ja: 'ページの指定が正しくありません。', en: 'The page cursor is not valid.' },
  'text.control_characters': {
    ja: '使用できない制御文字が含まれています。',
    en: 'Contains control characters that are not allowed.',
  },
} as const satisfies Record<string, { ja: string; en: string }>;

export type FieldErrorCode = keyof typeof fieldErrorCatalog;

export function isFieldErrorCode(value: string): value is FieldErrorCode {
  return Object.hasOwn(fieldErrorCatalog, value);
}
