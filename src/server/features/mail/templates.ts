/**
 * E-mail texts. The recipient's language is not always known (an invitation goes to someone
 * without an account), so every mail carries Japanese first and English below.
 */
const divider = '\n\n----------------------------------------\n\n';
const signature = '\n\n--\nカイゼンナビ / Kaizen Navi';

export function invitationMail(args: {
  orgName: string;
  inviterName: string | null;
  link: string;
  expiresDays: number;
}) {
  const by = args.inviterName ? `${args.inviterName}さんから` : '';
  return {
    subject: `【カイゼンナビ】${args.orgName}への招待 / Invitation to ${args.orgName}`,
    text:
      `${by}カイゼンナビの「${args.orgName}」に招待されました。\n` +
      `次のリンクから参加してください（${args.expiresDays}日間有効）。\n\n${args.link}` +
      divider +
      `You have been invited to "${args.orgName}" on Kaizen Navi${args.inviterName ? ` by ${args.inviterName}` : ''}.\n` +
      `Join through this link (valid for ${args.expiresDays} days):\n\n${args.link}` +
      signature,
  };
}

export function passwordResetMail(args: { link: string; expiresMinutes: number }) {
  return {
    subject: '【カイゼンナビ】パスワードの再設定 / Password reset',
    text:
      `パスワード再設定のご依頼を受け付けました。次のリンクから新しいパスワードを設定してください（${args.expiresMinutes}分間有効）。\n\n${args.link}\n\n` +
      'お心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。' +
      divider +
      `We received a request to reset your password. Set a new one through this link (valid for ${args.expiresMinutes} minutes):\n\n${args.link}\n\n` +
      'If you did not ask for this, ignore this mail; your password stays as it is.' +
      signature,
  };
}

export function addedToOrgMail(args: { orgName: string; link: string }) {
  return {
    subject: `【カイゼンナビ】${args.orgName}に追加されました / Added to ${args.orgName}`,
    text:
      `カイゼンナビの「${args.orgName}」のメンバーに追加されました。\n\n${args.link}` +
      divider +
      `You have been added to "${args.orgName}" on Kaizen Navi.\n\n${args.link}` +
      signature,
  };
}

export function roundInvitationMail(args: {
  orgName: string;
  roundTitle: string;
  closesOn: string;
  senderName: string | null;
  message: string | null;
  link: string;
}) {
  const note = args.message ? `\n\n${args.message}` : '';
  return {
    subject: `【カイゼンナビ】ステップアップシートへの回答のお願い（${args.roundTitle}） / Please answer: ${args.roundTitle}`,
    text:
      `${args.orgName}の「${args.roundTitle}」への回答をお願いします（${args.closesOn}まで）。\n` +
      `職場の今の立ち位置を、項目ごとに一番近い段階を選んでください。途中で保存して続きから回答できます。${note}\n\n${args.link}` +
      divider +
      `${args.orgName} asks you to answer "${args.roundTitle}" by ${args.closesOn}.\n` +
      `For each item, choose the level closest to where your workplace stands now; you can save and continue later.${note}\n\n${args.link}` +
      signature,
  };
}

const caseReviewWords = {
  submit: { ja: '事例が提出されました。内容を確認してください。', en: 'A case was submitted for your review.' },
  return: {
    ja: '事例が差し戻されました。コメントを確認して修正してください。',
    en: 'Your case was returned with comments.',
  },
  approve: { ja: '事例が承認されました。', en: 'Your case was approved.' },
  publish: { ja: '事例が公開されました。', en: 'Your case was published.' },
  unpublish: { ja: '事例の公開が取り下げられました。', en: 'Your case was taken back from publication.' },
  comment: { ja: '事例にコメントがありました。', en: 'There is a new comment on your case.' },
} as const;

export function caseReviewMail(args: {
  action: keyof typeof caseReviewWords;
  caseTitle: string;
  comment: string | null;
  link: string;
}) {
  const words = caseReviewWords[args.action];
  const note = args.comment ? `\n\n${args.comment}` : '';
  return {
    subject: `【カイゼンナビ】${words.ja}（${args.caseTitle}） / ${words.en}`,
    text:
      `「${args.caseTitle}」: ${words.ja}${note}\n\n${args.link}` +
      divider +
      `"${args.caseTitle}": ${words.en}${note}\n\n${args.link}` +
      signature,
  };
}

export function planFollowupReminderMail(args: { planTitle: string; months: number; dueOn: string; link: string }) {
  return {
    subject: `【カイゼンナビ】アクションプランのフォローアップ（${args.dueOn}）/ Plan follow-up due ${args.dueOn}`,
    text:
      `アクションプラン「${args.planTitle}」の${args.months}か月後のフォローアップが ${args.dueOn} に近づいています。\n` +
      `実際に起きたこと、計画との差、手順ごとの結果を振り返り、プランを見直してください。\n\n${args.link}` +
      divider +
      `The ${args.months}-month follow-up of your action plan "${args.planTitle}" is due on ${args.dueOn}.\n` +
      `Look back on what happened, the gap between plan and reality and each step, and revise the plan.\n\n${args.link}` +
      signature,
  };
}

export function planStepOverdueMail(args: { planTitle: string; stepText: string; dueOn: string; link: string }) {
  return {
    subject: `【カイゼンナビ】期日を過ぎた手順があります / A plan step is overdue`,
    text:
      `アクションプラン「${args.planTitle}」の手順「${args.stepText}」が期日（${args.dueOn}）を過ぎています。\n` +
      `進み具合を記録するか、期日を見直してください。\n\n${args.link}` +
      divider +
      `The step "${args.stepText}" of your action plan "${args.planTitle}" was due on ${args.dueOn}.\n` +
      `Record how it stands, or set a new date.\n\n${args.link}` +
      signature,
  };
}
