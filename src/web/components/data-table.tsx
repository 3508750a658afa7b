import type { ReactNode } from 'react';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Numbers line up on the right, as in a spreadsheet. */
  align?: 'start' | 'end';
  /** The cell that names the row: a row header for screen readers and the card title on phones. */
  isRowHeader?: boolean;
}

interface DataTableProps<T> {
  caption: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
}

/**
 * A plain table on wide screens that becomes one card per row on phones: each cell repeats its
 * column name (data-label) so nothing depends on seeing the header row.
 */
export function DataTable<T>({ caption, rows, columns, rowKey }: DataTableProps<T>) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={column.align === 'end' ? 'cell--end' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => {
                const className = [column.align === 'end' ? 'cell--end' : '', column.isRowHeader ? 'cell--title' : '']
                  .filter(Boolean)
                  .join(' ');
                return column.isRowHeader ? (
                  <th key={column.key} scope="row" data-label={column.header} className={className}>
                    {column.render(row)}
                  </th>
                ) : (
                  <td key={column.key} data-label={column.header} className={className || undefined}>
                    {column.render(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
