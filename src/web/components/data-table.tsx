import { type ReactNode, useEffect, useRef, useState } from 'react';

/**
 * Whether an element's content is wider than the element: a table that scrolls sideways must be
 * reachable by keyboard (WCAG 2.1.1), one that fits needs no extra tab stop.
 */
function useScrollsSideways<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of element.children) observer.observe(child);
    return () => observer.disconnect();
  }, []);
  return { ref, scrolls };
}

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Numbers line up on the right, as in a spreadsheet. */
  align?: 'start' | 'end';
  /** The cell that names the row: a row header for screen readers and the card title on phones. */
  isRowHeader?: boolean;
  /** Set on the column's header and on each of its cells, for widths and wrapping. */
  className?: string;
}

interface DataTableProps<T> {
  caption: string;
  rows: readonly T[];
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
}

function cellClass<T>(column: Column<T>, isBodyRowHeader: boolean): string | undefined {
  const classes = [
    column.align === 'end' ? 'cell--end' : '',
    isBodyRowHeader ? 'cell--title' : '',
    column.className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return classes || undefined;
}

/**
 * A plain table on wide screens that becomes one card per row on phones: each cell repeats its
 * column name (data-label) so nothing depends on seeing the header row.
 */
export function DataTable<T>({ caption, rows, columns, rowKey }: DataTableProps<T>) {
  const { ref, scrolls } = useScrollsSideways<HTMLDivElement>();
  return (
    <div className="table-wrap" ref={ref} {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={cellClass(column, false)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column.isRowHeader ? (
                  <th key={column.key} scope="row" data-label={column.header} className={cellClass(column, true)}>
                    {column.render(row)}
                  </th>
                ) : (
                  <td key={column.key} data-label={column.header} className={cellClass(column, false)}>
                    {/* One box for the value: on phones the cell is a two-column grid (label, value),
                        and loose text next to an element would otherwise take a grid cell each. */}
                    <div className="cell__value">{column.render(row)}</div>
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
