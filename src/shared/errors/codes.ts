/**
 * The closed set of error codes the API returns, each with its HTTP status and a message in
 * Japanese and English. The server turns them into RFC 9457 problem+json; the web client shows
 * the message in the user's language.
 */
export const errorCatalog = {
  validation: { status: 400, ja: '入力内容に誤りがあります。', en: 'Some of the input is not valid.' },
  invalid_json: {
    status: 400,
    ja: 'リクエストの形式（JSON）が正しくありません。',
    en: 'The request body is not valid JSON.',
  },
  invalid_encoding: {
    status: 400,
    ja: '文字コードが正しくありません（UTF-8で送信してください）。',
    en: 'The request is not valid UTF-8.',
  },
  unsupported_media_type: {
    status: 415,
    ja: 'この形式のデータは受け付けられません。',
    en: 'This content type is not accepted.',
  },
  payload_too_large: { status: 413, ja: '送信データが大きすぎます。', en: 'The request body is too large.' },
  unauthenticated: { status: 401, ja: 'ログインしてください。', en: 'Please log in.' },
  invalid_credentials: {
    status: 401,
    ja: 'メールアドレスまたはパスワードが正しくありません。',
    en: 'The e-mail address or password is incorrect.',
  },
  forbidden: { status: 403, ja: 'この操作を行う権限がありません。', en: 'You do not have permission to do this.' },
  csrf: {
    status: 403,
    ja: '別のサイトからの送信は受け付けられません。',
    en: 'Requests from another site are not accepted.',
  },
  not_found: { status: 404, ja: '見つかりませんでした。', en: 'Not found.' },
  method_not_allowed: { status: 405, ja: 'この操作はできません。', en: 'This method is not allowed.' },
  conflict: {
    status: 409,
    ja: '他の変更と競合しました。画面を更新してやり直してください。',
    en: 'This conflicts with another change. Reload and try again.',
  },
  already_member: {
    status: 409,
    ja: 'この方はすでにこの組織のメンバーです。',
    en: 'This person is already a member of the organisation.',
  },
  email_taken: {
    status: 409,
    ja: 'このメールアドレスはすでに使われています。',
    en: 'This e-mail address is already in use.',
  },
  lg_code_taken: {
    status: 409,
    ja: 'この団体コードの組織はすでに登録されています。',
    en: 'An organisation with this local government code already exists.',
  },
  last_admin: {
    status: 409,
    ja: '組織管理者が一人もいなくなるため、この変更はできません。',
    en: 'This would leave the organisation without an administrator.',
  },
  department_not_empty: {
    status: 409,
    ja: '下位の部署または所属する人がいるため削除できません。',
    en: 'The department still has sub-departments or members.',
  },
  department_cycle: {
    status: 422,
    ja: '部署を自分自身の配下には移動できません。',
    en: 'A department cannot be moved under itself.',
  },
  role_not_allowed: {
    status: 422,
    ja: 'この組織ではその役割を設定できません。',
    en: 'That role cannot be given in this organisation.',
  },
  template_invalid: {
    status: 422,
    ja: 'シートのファイルに誤りがあります。各行の内容を確認してください。',
    en: 'The sheet file has problems; see each line below.',
  },
  round_not_open: {
    status: 409,
    ja: 'この実施はまだ回答を受け付けていません（開始日前です）。',
    en: 'This round is not open for answers yet.',
  },
  round_closed: {
    status: 409,
    ja: 'この実施は終了しています。回答の登録・変更はできません。',
    en: 'This round has closed; answers can no longer be given or changed.',
  },
  response_exists: {
    status: 409,
    ja: 'この実施にはすでに回答があります。回答は1人1件で、終了日までは変更できます。',
    en: 'You have already answered this round. There is one response per person; change it until the round closes.',
  },
  not_in_round: {
    status: 403,
    ja: 'この実施の対象ではありません。',
    en: 'You are not among the people this round is for.',
  },
  round_anonymous: {
    status: 403,
    ja: '匿名の実施では、個人の回答は誰も（管理者も）見られません。',
    en: 'In an anonymous round nobody, administrators included, can see individual answers.',
  },
  case_locked: {
    status: 409,
    ja: '提出後の事例は変更できません。差し戻されてから修正するか、管理者に依頼してください。',
    en: 'A submitted case cannot be changed; change it once it is returned, or ask an administrator.',
  },
  case_status: {
    status: 409,
    ja: '事例の今の状態では、この操作はできません。画面を再読み込みしてください。',
    en: "This step is not possible in the case's current state. Reload the page.",
  },
  round_has_responses: {
    status: 409,
    ja: '回答がある実施は削除できません。終了させてください。',
    en: 'A round with responses cannot be deleted; close it instead.',
  },
  token_invalid: {
    status: 410,
    ja: 'このリンクは無効か、有効期限が切れています。',
    en: 'This link is invalid or has expired.',
  },
  wrong_password: { status: 422, ja: '現在のパスワードが正しくありません。', en: 'The current password is incorrect.' },
  workshop_not_found: {
    status: 404,
    ja: 'この参加コードのワークショップはありません。コードを確かめてください。',
    en: 'No workshop has this code. Check the code and try again.',
  },
  workshop_locked: {
    status: 409,
    ja: 'このワークショップは締め切られました。参加や回答の変更はできません。',
    en: 'This workshop is locked; joining and changing answers are no longer possible.',
  },
  workshop_account_required: {
    status: 403,
    ja: 'このワークショップには、組織のアカウントでログインした人だけが参加できます。ログインしてから参加してください。',
    en: 'Only members of the organisation, signed in, can join this workshop. Sign in and join again.',
  },
  workshop_answers_started: {
    status: 409,
    ja: '匿名の実施回では、だれかが回答を始めたあとは参加者をグループ間で移せません。移せるかどうかで、その人が回答したかが分かってしまうためです。',
    en: 'On an anonymous round nobody can be moved between groups once answering has begun: whether a move is allowed would tell who has answered.',
  },
  participant_answered: {
    status: 409,
    ja: '回答を始めた人は別のグループに移せません。移すと、前後の分布の差からその人の回答が分かってしまうためです。',
    en: 'Someone who has started answering cannot be moved to another group: the spreads before and after would show their answers.',
  },
  answer_flood: {
    status: 429,
    ja: '回答の送信が多すぎます。少し待ってからもう一度選んでください。',
    en: 'Too many answers in a short time. Wait a moment and choose again.',
  },
  comment_flood: {
    status: 429,
    ja: 'コメントの投稿が多すぎます。少し待ってから投稿してください。',
    en: 'Too many comments in a short time. Wait a moment before posting again.',
  },
  vote_closed: {
    status: 409,
    ja: '投票は受け付けていません（開始前か、締め切り後です）。',
    en: 'Voting is not open (it has not started or has closed).',
  },
  results_published: {
    status: 409,
    ja: '結果発表の後は、採点・投票・プログラムの変更はできません。',
    en: 'After the results are announced, scores, votes and the programme cannot change.',
  },
  not_a_judge: {
    status: 403,
    ja: '採点は審査員だけができます。審査員コードで参加してください。',
    en: 'Only judges can score. Join with the judges’ key.',
  },
  plan_edit_conflict: {
    status: 409,
    ja: 'このプランは、画面を開いた後に別の人が変更しました。画面を更新して、その変更を確かめてからやり直してください。',
    en: 'Someone else changed this plan after you opened it. Reload to see their change, then try again.',
  },
  plan_final: {
    status: 409,
    ja: 'このプランは完成版になっています。変更やフォローアップはできません。',
    en: 'This plan has its final version; it can no longer change or be followed up.',
  },
  version_frozen: {
    status: 409,
    ja: '保存した版の内容は変えられません。下書きを直して、次の版として保存してください。',
    en: 'A saved version cannot change. Edit the draft and save it as the next version.',
  },
  followup_done: {
    status: 409,
    ja: 'このフォローアップは記録済みです。',
    en: 'This follow-up has already been recorded.',
  },
  mail_link_unavailable: {
    status: 409,
    ja: 'このメールのリンクは表示できません。メールが送信される設定のときは、リンクは受け取った本人にしか届きません。',
    en: "This mail's link cannot be shown. Where mails are sent, a link reaches only the person it was sent to.",
  },
  login_unlock_limit: {
    status: 429,
    ja: 'このアカウントのログインロックは、今日はもう解除できません（1日3回まで）。本人にパスワードの再設定を案内してください。',
    en: "This account's login lock cannot be lifted again today (three times a day at most). Ask the person to reset their password.",
  },
  account_locked: {
    status: 429,
    ja: 'ログインの失敗が続いたため、このアカウントは一時的にロックされています。しばらく待つか、パスワードを再設定するか、組織の管理者にロックの解除を依頼してください。',
    en: 'After repeated failed logins this account is locked for a while. Wait a little, reset your password, or ask your organisation administrator to unlock it.',
  },
  rate_limited: {
    status: 429,
    ja: '試行回数が多すぎます。しばらく待ってからやり直してください。',
    en: 'Too many attempts. Please wait and try again.',
  },
  internal: {
    status: 500,
    ja: 'システムエラーが発生しました。時間をおいてやり直してください。',
    en: 'Something went wrong on our side. Please try again later.',
  },
} as const satisfies Record<string, { status: number; ja: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;

/** RFC 9457 problem details, with our stable code and the message in both languages. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: ErrorCode;
  messages: { ja: string; en: string };
  /** Per-field problems: `code` is a Zod issue code or a key of fieldErrorCatalog; `message` is in the request's language. */
  errors?: { path: string; code: string; message: string; messages: { ja: string; en: string } }[];
  retryAfter?: number;
}
