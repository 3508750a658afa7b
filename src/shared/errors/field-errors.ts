/**
 * Messages for field errors we raise ourselves (Zod's own checks are worded by its ja/en locales).
 * The key travels as the error's `code`, so a client can also choose its own wording.
 */
export const fieldErrorCatalog = {
  required: { ja: '入力してください。', en: 'This is required.' },
  'workshop.code': {
    ja: '参加コードは英数字6文字です（例: K7M2QX）。',
    en: 'The join code is 6 letters and digits (e.g. K7M2QX).',
  },
  'workshop.item_unknown': { ja: 'このシートにない項目です。', en: 'This item is not on the sheet.' },
  'workshop.level_range': { ja: 'この項目にない段階です。', en: 'This item has no such level.' },
  'workshop.table_required': { ja: 'テーブル番号を選んでください。', en: 'Choose your table number.' },
  'workshop.group_unknown': { ja: 'このワークショップにないグループです。', en: 'This group is not in the workshop.' },
  'workshop.groups_required': {
    ja: 'グループの名前を2つ以上入力してください。',
    en: 'Enter at least two group names.',
  },
  'event.judge_key': {
    ja: '審査員コードは英数字8文字です。',
    en: 'The judges’ key is 8 letters and digits.',
  },
  'event.judge_key_wrong': {
    ja: '審査員コードが違います。主催者に確かめてください。',
    en: 'This judges’ key is not right. Check it with the organiser.',
  },
  'event.presentation_unknown': { ja: 'この発表会にない発表です。', en: 'This presentation is not in the event.' },
  'event.criterion_missing': {
    ja: 'すべての評価項目に点数を付けてください。',
    en: 'Give a score for every criterion.',
  },
  'event.presentation_has_activity': {
    ja: 'コメントや採点・投票がある発表は削除できません。',
    en: 'A presentation with comments, scores or votes cannot be removed.',
  },
  'event.case_unknown': { ja: 'この組織の事例ではありません。', en: 'This is not a case of the organisation.' },
  'plan.due_before_start': {
    ja: '期日がプランの開始日より前です。',
    en: 'The due date is before the plan starts.',
  },
  'plan.step_cycle': {
    ja: '手順の前後関係が循環しています（AのあとにB、BのあとにA のように）。',
    en: 'The order of the steps goes round in a circle (A after B and B after A).',
  },
  'plan.step_unknown': { ja: 'このプランにない手順です。', en: 'This step is not in the plan.' },
  'plan.step_duplicate': { ja: '同じ手順番号が2つあります。', en: 'Two steps have the same id.' },
  'plan.team_name_required': { ja: 'チームの名前を入力してください。', en: 'Enter the team’s name.' },
  'plan.facilitator_required': {
    ja: '共有するナビゲーターを選んでください。',
    en: 'Choose the facilitator to share with.',
  },
  'plan.facilitator_unknown': {
    ja: 'この組織のナビゲーターではありません。',
    en: 'This person is not a facilitator of the organisation.',
  },
  'plan.member_unknown': {
    ja: 'この組織のメンバーではありません。',
    en: 'This person is not a member of the organisation.',
  },
  'plan.followups_fixed': {
    ja: 'フォローアップの予定は最初の時点版で決まっています。変えられません。',
    en: 'The follow-ups were scheduled at the first snapshot version and cannot change.',
  },
  'plan.too_many_moves': {
    ja: 'このグループの次の一手が多すぎて、1つのプランにできません（手順は50件、項目は30件まで）。',
    en: 'This group has too many next moves for one plan (at most 50 steps and 30 items).',
  },
  'plan.version_unknown': { ja: 'この版はありません。', en: 'There is no such version.' },
  'career.ended_before_started': {
    ja: '終了日は開始日以降にしてください。',
    en: 'The end date must be on or after the start date.',
  },
  'career.facilitator_unknown': {
    ja: '共有できるのは、所属する組織のナビゲーターです。一覧から選んでください。',
    en: 'You can share with the facilitators of your organisations. Choose from the list.',
  },
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
  'day.range': {
    ja: '1900年から2199年までの日付を入力してください。',
    en: 'Enter a day from 1900 to 2199.',
  },
  'text.unpaired_surrogate': {
    ja: '壊れた文字（対になっていないサロゲート）が含まれています。その文字を入力し直してください。',
    en: 'Contains a broken character (half of a surrogate pair). Type that character again.',
  },
  'sheetTemplate.key_changed': {
    ja: 'シートのキーは変更できません。新しいキーで作るときは、ファイルから取り込んでください。',
    en: "A sheet's key cannot change. To use a new key, import the sheet as a file.",
  },
  'round.closes_before_opens': {
    ja: '終了日は開始日以降にしてください。',
    en: 'The close date must be on or after the open date.',
  },
  'round.departments_required': { ja: '対象の部署を1つ以上選んでください。', en: 'Choose at least one department.' },
  'round.template_version_unknown': {
    ja: 'この組織のシートとその版を選んでください。',
    en: "Choose a version of one of this organisation's sheets.",
  },
  'round.participants_unknown': {
    ja: '参加者はこの組織のメンバーから選んでください。',
    en: 'Choose participants from the members of this organisation.',
  },
  'round.closes_in_past': { ja: '終了日に過去の日付は指定できません。', en: 'The close date cannot be in the past.' },
  'round.anonymous_closed': {
    ja: '終了した匿名の実施は再開できません。終了前と後の結果を比べると、その間に回答した人の答えが分かってしまうためです。新しい実施を作成してください。',
    en: 'A closed anonymous round cannot be reopened: comparing its results before and after would reveal the answers given in between. Create a new round instead.',
  },
  'round.already_open': {
    ja: '回答が始まった実施の開始日は変更できません。',
    en: 'The open date cannot change once the round has opened.',
  },
  'response.unknown_item': { ja: 'このシートにない項目です。', en: 'This item is not in the sheet.' },
  'response.duplicate_item': { ja: '同じ項目への回答が重複しています。', en: 'This item is answered twice.' },
  'round.threshold_range': {
    ja: '匿名性のしきい値は2〜50の整数で指定してください。',
    en: 'Set the anonymity threshold to a whole number from 2 to 50.',
  },
  'round.version_unknown': {
    ja: 'シートの版は1以上の整数で指定してください。',
    en: 'Give the version of the sheet as a whole number from 1.',
  },
  'round.compare_unknown': {
    ja: '比べる実施は、同じシートの別の実施から選んでください。',
    en: 'Choose another round of the same sheet to compare with.',
  },
  'id.format': {
    ja: '選択肢の指定が正しくありません。一覧から選び直してください。',
    en: 'This choice is not valid. Choose again from the list.',
  },
  'response.level_out_of_range': {
    ja: 'この項目にない段階です。',
    en: 'This level does not exist for the item.',
  },
  'response.level_required': {
    ja: '提出するには、すべての項目の段階を選んでください。',
    en: 'Choose a level for every item before submitting.',
  },
  'response.department_out_of_scope': {
    ja: 'この実施の対象部署から選んでください。',
    en: "Choose a department within the round's scope.",
  },
  'sceneGrid.duplicate_label': {
    ja: 'ほかのステージまたは変革レベルと同じ名前です。別の名前にしてください。',
    en: 'Another stage or change level already has this name. Choose a different one.',
  },
  'case.department_unknown': {
    ja: 'この組織の部署から選んでください。',
    en: 'Choose a department of this organisation.',
  },
  'case.adopted_from_unknown': {
    ja: '参考にした事例は、見られる事例の中から選んでください。',
    en: 'Choose the case this one adopted from among the cases you can see.',
  },
  'case.reporter_unknown': {
    ja: '報告者はこの組織のメンバーから選んでください。',
    en: 'Choose the reporters from the members of this organisation.',
  },
  'case.effect_label_required': {
    ja: '「その他」の効果には、何を測ったかを入力してください。',
    en: 'Say what was measured for an effect of kind "other".',
  },
  'case.comment_required': {
    ja: '差し戻しやコメントには、内容を入力してください。',
    en: 'Write a comment to return a case or to comment on it.',
  },
} as const satisfies Record<string, { ja: string; en: string }>;

export type FieldErrorCode = keyof typeof fieldErrorCatalog;

export function isFieldErrorCode(value: string): value is FieldErrorCode {
  return Object.hasOwn(fieldErrorCatalog, value);
}
