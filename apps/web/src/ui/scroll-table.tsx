// A data table with one header row that scrolls sideways inside its own box on narrow
// screens (the page never does): release history, health results, monitoring measurements.
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
