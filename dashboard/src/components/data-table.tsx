import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen, with its column headers; `actions` adds a last
 * column for row buttons, whose header only screen readers hear.
 */
export function DataTable(props: {
  testId: string;
  columns: string[];
  actions?: boolean;
  className?: string;
  caption?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll">
      <table className={props.className} data-testid={props.testId}>
        {props.caption && <caption className="visually-hidden">{props.caption}</caption>}
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
            {props.actions && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
