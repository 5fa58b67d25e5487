// A data table with one header row: release history, health results, monitoring measurements.
// Below 640 px each row becomes a card whose cells name their column (`data-label` on each
// cell, styles.css); between that and the full width it scrolls inside its own box, never the page.
import type { ReactNode } from 'react';

export function ScrollTable({ columns, label, className, children }: { columns: readonly string[]; label?: string; className?: string; children: ReactNode }) {
  return (
    <div className="table-scroll">
      <table className={className ? `table ${className}` : 'table'} {...(label ? { 'aria-label': label } : {})}>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
