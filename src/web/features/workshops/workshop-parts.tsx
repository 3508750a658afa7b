import qrcode from 'qrcode-generator';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { positions } from '../../../shared/auth/roles.js';
import type { WorkshopView } from '../../../shared/workshops/workshop-schema.js';
import { Badge } from '../../components/badge.js';
import { joinUrl } from './workshop-queries.js';

type Item = WorkshopView['items'][number];
type Group = WorkshopView['groups'][number];
type ItemTally = WorkshopView['tally']['items'][number];

/** A QR code drawn as SVG squares, so no markup is injected; the alt text names the address. */
export function QrCode({ text, label, size = 160 }: { text: string; label: string; size?: number }) {
  const cells = useMemo(() => {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const count = qr.getModuleCount();
    const dark: string[] = [];
    for (let row = 0; row < count; row += 1) {
      for (let col = 0; col < count; col += 1) if (qr.isDark(row, col)) dark.push(`M${col} ${row}h1v1h-1z`);
    }
    return { count, path: dark.join('') };
  }, [text]);
  const quiet = 4;
  const box = cells.count + quiet * 2;
  return (
    <svg
      className="qr-code"
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`${-quiet} ${-quiet} ${box} ${box}`}
      shapeRendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      <path d={cells.path} fill="#000" />
    </svg>
  );
}

/** A group's name in the page's language: positions are translated, tables and custom names kept. */
export function useGroupName() {
  const { t } = useTranslation();
  return (group: Group): string => {
    const position = positions.find((p) => group.key === `position:${p}`);
    return position ? t(`positions.${position}`) : group.name;
  };
}

/** The code in groups of three, easier to read off a projector: ABC 234. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

export function tallyOf(view: WorkshopView, itemKey: string): ItemTally | undefined {
  return view.tally.items.find((entry) => entry.itemKey === itemKey);
}

/**
 * One spread as horizontal bars, one row per level with its count in words; withheld spreads say why.
 */
export function Distribution({
  item,
  counts,
  n,
  k,
  title,
  headingLevel = 3,
  large = false,
}: {
  item: Item;
  counts: number[] | null;
  /** How many answered; null below k, when even that is not shown. */
  n: number | null;
  k: number;
  title: string;
  headingLevel?: 3 | 4;
  large?: boolean;
}) {
  const { t } = useTranslation();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const max = counts ? Math.max(1, ...counts) : 1;
  return (
    <figure className={`distribution${large ? ' distribution--large' : ''}`}>
      <figcaption className="distribution__caption">
        <Heading className="distribution__title">{title}</Heading>
        {n !== null && <span className="distribution__n">{t('workshops.distribution.respondents', { count: n })}</span>}
      </figcaption>
      {counts ? (
        <ul className="distribution__bars">
          {item.levels.map((level, index) => {
            const count = counts[index] ?? 0;
            return (
              <li key={level.label} className="distribution__row">
                <span className="distribution__label">
                  <span className="distribution__level">
                    {t('workshops.distribution.level', { number: index + 1 })}
                  </span>{' '}
                  {level.label}
                </span>
                <span className="distribution__track" aria-hidden="true">
                  <span className="distribution__bar" style={{ width: `${(count / max) * 100}%` }} />
                </span>
                <span className="distribution__count">{t('workshops.distribution.count', { count })}</span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="distribution__withheld">
          {n !== null ? t('workshops.distribution.withheldDerived') : t('workshops.distribution.withheld', { k })}
        </p>
      )}
    </figure>
  );
}

/** The overall spread of an item and, below it, each group's. */
export function ItemSpread({
  view,
  item,
  large = false,
  showGroups = true,
}: {
  view: WorkshopView;
  item: Item;
  large?: boolean;
  showGroups?: boolean;
}) {
  const { t } = useTranslation();
  const groupName = useGroupName();
  const tally = tallyOf(view, item.key);
  const k = view.tally.k;
  return (
    <div className="item-spread">
      <Distribution
        item={item}
        counts={tally?.overall.counts ?? null}
        n={tally?.overall.n ?? null}
        k={k}
        title={t('workshops.console.overall')}
        large={large}
      />
      {showGroups && view.groups.length > 0 && (
        <div className="item-spread__groups">
          {view.groups.map((group) => {
            const entry = tally?.groups.find((g) => g.groupId === group.id);
            if (!entry) return null;
            return (
              <Distribution
                key={group.id}
                item={item}
                counts={entry?.counts ?? null}
                n={entry.n}
                k={k}
                title={groupName(group)}
                headingLevel={4}
                large={large}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

/** Under a console's title: what it is, whether it is open or locked, and whether the live stream is connected. */
export function ConsoleLead({
  what,
  status,
  connected,
}: {
  what: ReactNode;
  status: 'open' | 'locked';
  connected: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {what} <Badge tone={status === 'locked' ? 'neutral' : 'success'}>{t(`workshops.status.${status}`)}</Badge>{' '}
      <span className="workshop-live">
        {t('workshops.console.live')}: {connected ? t('workshops.console.liveOn') : t('workshops.console.liveOff')}
      </span>
    </>
  );
}

export function JoinPanel({ code }: { code: string }) {
  const { t } = useTranslation();
  const url = joinUrl(code);
  return (
    <section aria-labelledby="workshop-join" className="panel workshop-join">
      <h2 id="workshop-join" className="section__title">
        {t('workshops.console.joinTitle')}
      </h2>
      <dl className="workshop-join__facts">
        <div>
          <dt>{t('workshops.console.code')}</dt>
          <dd className="workshop-code" data-code={code}>
            {spacedCode(code)}
          </dd>
        </div>
        <div>
          <dt>{t('workshops.console.joinUrl')}</dt>
          <dd className="workshop-join__url">{url}</dd>
        </div>
      </dl>
      <QrCode text={url} label={t('workshops.console.qrAlt', { url })} />
    </section>
  );
}
