import type { Locator, Page } from 'playwright-core';
import { chooseOption, field } from '../support/locators.js';

/** 事例発表会を開く: the form that creates a presentation event. */
export class EventCreatePage {
  readonly form: Locator;

  constructor(readonly page: Page) {
    this.form = page.locator('form.event-form');
  }

  programme(): Locator {
    return this.form.getByRole('group', { name: '発表のプログラム', exact: true });
  }

  /** A presentation's row by its number (発表1, 発表2…). */
  row(number: number): Locator {
    return this.programme().getByRole('group', { name: `発表${number}`, exact: true });
  }

  async create({ title, presentations }: { title: string; presentations: { title: string; presenter: string }[] }) {
    await field(this.form, '発表会の名前').fill(title);
    for (const [index, presentation] of presentations.entries()) {
      if ((await this.row(index + 1).count()) === 0) {
        await this.programme().getByRole('button', { name: '発表を追加', exact: true }).click();
      }
      await field(this.row(index + 1), 'タイトル').fill(presentation.title);
      await field(this.row(index + 1), '発表者').fill(presentation.presenter);
    }
    await this.form.getByRole('button', { name: '発表会を開く', exact: true }).click();
  }
}

/** The facilitator's console of a presentation event. */
export class EventConsolePage {
  readonly join: Locator;
  readonly judges: Locator;
  readonly counts: Locator;
  readonly stage: Locator;
  readonly wall: Locator;
  readonly programme: Locator;
  readonly vote: Locator;
  readonly results: Locator;
  readonly lock: Locator;

  constructor(readonly page: Page) {
    const region = (name: string) => page.getByRole('region', { name, exact: true });
    this.join = region('参加方法');
    this.judges = region('審査員の参加');
    this.counts = region('参加状況');
    this.stage = region('発表中');
    this.wall = region('コメント');
    this.programme = region('プログラム');
    this.vote = region('会場投票');
    this.results = region('結果');
    this.lock = region('発表会の終了');
  }

  async code(): Promise<string> {
    const code = await this.join.locator('[data-code]').getAttribute('data-code');
    if (!code) throw new Error('The console shows no join code.');
    return code;
  }

  /** The judges' link as a path on this site (/w/CODE?judge=KEY). */
  async judgePath(): Promise<string> {
    const url = await this.judges.locator('[data-judge-url]').getAttribute('data-judge-url');
    if (!url) throw new Error('The console shows no judges’ link.');
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  }

  count(kind: 'audience' | 'judges' | 'voted'): Locator {
    return this.counts.locator(`[data-count="${kind}"]`);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  comment(text: string): Locator {
    return this.wall.getByRole('listitem').filter({ hasText: text });
  }

  programmeRow(title: string): Locator {
    return this.programme.getByRole('listitem').filter({ hasText: title });
  }
}

/** The projector view. */
export class EventPresentPage {
  readonly comments: Locator;

  constructor(readonly page: Page) {
    this.comments = page.getByRole('region', { name: '会場からのコメント', exact: true });
  }

  comment(text: string): Locator {
    return this.comments.getByRole('listitem').filter({ hasText: text });
  }

  timer(): Locator {
    return this.page.getByRole('timer');
  }
}

/** /w/CODE for a presentation event: the join form, then the participant's phone page. */
export class EventPhonePage {
  readonly commentForm: Locator;
  readonly comments: Locator;
  readonly scoring: Locator;
  readonly vote: Locator;
  readonly results: Locator;

  constructor(readonly page: Page) {
    const region = (name: string) => page.getByRole('region', { name, exact: true });
    this.commentForm = region('コメントする');
    this.comments = region('この発表へのコメント');
    this.scoring = region('採点');
    this.vote = region('会場投票');
    this.results = region('結果発表');
  }

  judgeKeyField(): Locator {
    return field(this.page, '審査員コード（審査員のみ）');
  }

  async join({ nickname, position, judgeKey }: { nickname: string; position: string; judgeKey?: string }) {
    await field(this.page, 'ニックネーム').fill(nickname);
    await chooseOption(field(this.page, '職位'), position);
    if (judgeKey !== undefined) await this.judgeKeyField().fill(judgeKey);
    await this.page.getByRole('button', { name: '参加する', exact: true }).click();
  }

  async comment(text: string, { anonymous = false }: { anonymous?: boolean } = {}) {
    await field(this.commentForm, 'コメント').fill(text);
    if (anonymous) await this.commentForm.getByRole('checkbox', { name: /^匿名で投稿/ }).check();
    await this.commentForm.getByRole('button', { name: '投稿する', exact: true }).click();
  }

  /** Scores a presentation picked from the judge's list: points per criterion (by its label) and a remark. */
  async score(title: string, points: Record<string, number>, remark: string) {
    await this.scoring
      .getByRole('listitem')
      .filter({ hasText: title })
      .getByRole('button', { name: /^採点する/ })
      .click();
    const form = this.scoring.getByRole('form', { name: `「${title}」の採点` });
    for (const [criterion, point] of Object.entries(points)) {
      await form
        .getByRole('group', { name: criterion, exact: true })
        .getByRole('radio', { name: String(point), exact: true })
        .check();
    }
    await field(form, '講評（任意）').fill(remark);
    await form.getByRole('button', { name: '保存', exact: true }).click();
    return form;
  }
}
