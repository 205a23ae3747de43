"use client";
// The chosen orders file before import: its first rows as they are, and which column holds each
// field (guessed from the headers, changed here).
import { useId } from "react";
import { Field, Select } from "@/components/ui/field";
import { formatPlural, type Locale } from "@/lib/format";
import type { OrdersUploadMessages } from "@/lib/i18n/orders-upload-messages";
import { ORDER_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type OrderField } from "@/lib/orders-upload/columns";
import { tableScroll } from "@/components/ui/table-scroll";

const PREVIEW_ROWS = 5;

type Props = { rows: string[][]; dataRows: number; mapping: ColumnMapping; onMap: (field: OrderField, column: number | undefined) => void; t: OrdersUploadMessages; locale: Locale };

export function OrdersUploadMapping({ rows, dataRows, mapping, onMap, t, locale }: Props) {
  const id = useId();
  const header = rows[0] ?? [];
  const width = Math.max(header.length, ...rows.slice(1, PREVIEW_ROWS + 1).map((row) => row.length));
  const columns = Array.from({ length: width }, (_, i) => i);
  return (
    <div className="space-y-3">
      <div>
        <h4 className="text-sm font-medium text-slate-700">
          {t.preview} <span className="font-normal text-slate-500">({formatPlural(dataRows, t.previewRows, locale)})</span>
        </h4>
        <div className={tableScroll}>
          <table className="w-full text-xs" data-testid="orders-upload-preview">
            <thead className="border-b border-slate-200 text-slate-500">
              <tr>
                {columns.map((i) => (
                  <th key={i} className="whitespace-nowrap px-2 py-1 text-left font-medium">
                    {header[i] ?? ""}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.slice(1, PREVIEW_ROWS + 1).map((row, r) => (
                <tr key={r}>
                  {columns.map((i) => (
                    <td key={i} className="whitespace-nowrap px-2 py-1">
                      {row[i] ?? ""}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">{t.mapping}</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {ORDER_FIELDS.map((field) => (
            <Field key={field} label={REQUIRED_FIELDS.includes(field) ? `${t.fields[field]} (${t.required})` : t.fields[field]} htmlFor={`${id}-${field}`}>
              <Select
                id={`${id}-${field}`}
                data-testid={`orders-map-${field}`}
                value={mapping[field] ?? ""}
                onChange={(event) => onMap(field, event.target.value === "" ? undefined : Number(event.target.value))}
              >
                <option value="">{t.notInFile}</option>
                {columns.map((i) => (
                  <option key={i} value={i}>
                    {header[i] || `#${i + 1}`}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
