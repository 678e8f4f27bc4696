import type { ReactNode } from "react";

/**
 * A read-only record list: a table from 640 px on, and below that each row is a card of
 * "label: value" lines (the same markup restyled, so nothing hydrates differently and tests
 * that read cells keep working). Roles are spelled out because a table restyled with
 * display: block loses its table semantics in some browsers. The wrapper is `relative` so the
 * visually hidden caption and header stay inside it instead of widening the page.
 */
export function SimpleTable({
  caption,
  headers,
  rows,
  titleFirst = false,
}: {
  caption: string;
  headers: string[];
  rows: { key: string | number; cells: ReactNode[] }[];
  /** On phones, show the first cell as the card's title, without its label. */
  titleFirst?: boolean;
}) {
  return (
    <div className="relative min-w-0">
      <table role="table" className="w-full text-left text-sm max-sm:block">
        <caption className="sr-only">{caption}</caption>
        <thead role="rowgroup" className="max-sm:sr-only">
          <tr role="row" className="border-b border-slate-200">
            {headers.map((h) => (
              <th key={h} role="columnheader" scope="col" className="py-2 pr-3 align-bottom">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup" className="max-sm:block max-sm:space-y-2">
          {rows.map((r) => (
            <tr
              key={r.key}
              role="row"
              className="border-b border-slate-100 align-top max-sm:block max-sm:rounded-md max-sm:border max-sm:border-slate-200 max-sm:px-3 max-sm:py-2"
            >
              {r.cells.map((c, i) => (
                <td
                  key={i}
                  role="cell"
                  data-label={titleFirst && i === 0 ? undefined : headers[i]}
                  className={`py-2 pr-3 break-words max-sm:block max-sm:py-0.5 max-sm:pr-0 ${
                    titleFirst && i === 0
                      ? "max-sm:font-medium"
                      : "max-sm:before:mr-2 max-sm:before:font-medium max-sm:before:content-[attr(data-label)_':']"
                  }`}
                >
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
