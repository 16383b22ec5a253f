import type { ComponentChildren, JSX } from 'preact';

/*
 * The one KERN table of Mosaik's views. Every cell carries its column's
 * header as data-label, so that on a phone (≤ 40em, public/mosaik.css) a row
 * reads as "column: value" pairs instead of widening the page; on wider
 * screens the table sits in a keyboard-focusable scroll container (a named
 * region), as a table too wide for a tablet must still be reachable.
 */

export interface Column<Row> {
  /** Stable key; also the column's data-column attribute. */
  key: string;
  /** The header text; each cell is labelled with it on a phone. */
  label: string;
  /** The cell's content. */
  cell: (row: Row, index: number) => ComponentChildren;
  /** The cell names its row (th scope="row"), e.g. a person's name. */
  rowHeader?: boolean;
  /** Figures: aligned to the end, kept on one line; a function decides per row (a table of figures and texts). */
  numeric?: boolean | ((row: Row) => boolean);
  /** Row actions: no label on a phone, aligned to the end. */
  action?: boolean;
  /** Hidden on a phone: only for columns whose content the row also shows elsewhere. */
  optional?: boolean;
  /** Hides the header text visually (it stays for screen readers), e.g. for a column of buttons. */
  headerHidden?: boolean;
  /** Richer header content than the label (a line break, a date); the label still names each cell on a phone. */
  header?: ComponentChildren;
  /** Extra attributes of the header cell (data-* for tests). */
  headerProps?: Record<string, unknown>;
  /** Extra attributes of each cell (data-* for tests). */
  cellProps?: (row: Row, index: number) => Record<string, unknown>;
}

interface TableProps<Row> {
  caption: string;
  /** Show the caption (a title above the table) or keep it for screen readers only. */
  captionVisible?: boolean;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** Extra attributes of a row (data-* for tests, a class). */
  rowProps?: (row: Row, index: number) => JSX.HTMLAttributes<HTMLTableRowElement> & Record<string, unknown>;
  /** Extra attributes of the table (id, data-table). */
  tableProps?: JSX.HTMLAttributes<HTMLTableElement> & Record<string, unknown>;
  small?: boolean;
  /** An extra class of the table (a print style sheet's hook). */
  className?: string;
  /** 'stack' (default): rows become label/value lists on a phone; 'scroll': the table keeps its grid and scrolls in its container. */
  phone?: 'stack' | 'scroll';
  /** Shown in place of the table when there are no rows. */
  empty?: ComponentChildren;
  footer?: ComponentChildren;
}

const cellClass = <Row,>(column: Column<Row>, kind: 'header' | 'cell', row?: Row) =>
  [
    `kern-table__${kind}`,
    (typeof column.numeric === 'function' ? row !== undefined && column.numeric(row) : column.numeric) ? `kern-table__${kind}--numeric` : '',
    column.action ? `kern-table__${kind}--action` : '',
    column.optional ? 'mosaik-table__column--optional' : '',
  ]
    .filter(Boolean)
    .join(' ');

export function Table<Row>({ caption, captionVisible, columns, rows, rowKey, rowProps, tableProps, small = true, className, phone = 'stack', empty, footer }: TableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  const classes = ['kern-table', small ? 'kern-table--small' : '', 'mosaik-table', phone === 'stack' ? 'mosaik-table--stack' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class={classes} {...tableProps}>
        <caption class={captionVisible ? 'kern-title' : 'kern-sr-only'}>{caption}</caption>
        <thead class="kern-table__head">
          <tr class="kern-table__row">
            {columns.map((column) => (
              <th class={cellClass(column, 'header')} scope="col" key={column.key} data-column={column.key} {...(column.headerProps ?? {})}>
                {column.headerHidden ? <span class="kern-sr-only">{column.label}</span> : (column.header ?? column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="kern-table__body">
          {rows.map((row, index) => (
            <tr class="kern-table__row" key={rowKey(row, index)} {...(rowProps?.(row, index) ?? {})}>
              {columns.map((column) => {
                const attributes = { class: cellClass(column, column.rowHeader ? 'header' : 'cell', row), key: column.key, 'data-label': column.action ? undefined : column.label, ...(column.cellProps?.(row, index) ?? {}) };
                // one wrapper: on a phone the cell is a grid of its label and this value
                const value = <div class="mosaik-table__value">{column.cell(row, index)}</div>;
                return column.rowHeader ? (
                  <th scope="row" {...attributes}>
                    {value}
                  </th>
                ) : (
                  <td {...attributes}>{value}</td>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer}
      </table>
    </div>
  );
}
