import { DataText } from '../../components/data-text.js';
import { formatNumber } from '../../lib/format.js';
import { useLanguage } from '../../lib/problems.js';

interface CountTableProps {
  caption: string;
  nameHeader: string;
  countHeader: string;
  /** `isData` marks names people entered (departments), read in Japanese on an English page. */
  rows: readonly { key: string; name: string; count: number; isData?: boolean }[];
}

/** A chart's numbers as a two-column table that stays a table on phones: it is narrow enough. */
export function CountTable({ caption, nameHeader, countHeader, rows }: CountTableProps) {
  const language = useLanguage();
  return (
    <table className="stats-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col" className="cell--end">
            {countHeader}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.isData ? <DataText>{row.name}</DataText> : row.name}</th>
            <td className="cell--end">{formatNumber(row.count, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
