// The file an admin chose, as rows: a CSV is read in the browser (UTF-8, or Windows-1251 as Russian
// Excel saves it), an XLSX by the server (POST /api/sources/<id>/orders/sheet). Client-safe.
import { callApi } from "@/lib/api/call-api";
import { readCsv, type Sheet } from "./read-csv";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const isXlsxFile = (file: File) => file.type === XLSX || /\.xlsx$/i.test(file.name);

export async function readOrdersFile(sourceId: string, file: File): Promise<Sheet> {
  if (isXlsxFile(file)) {
    const { rows } = await callApi<{ rows: string[][] }>(`/api/sources/${sourceId}/orders/sheet`, { file: new Blob([file], { type: XLSX }) });
    return { rows, delimiter: ";" };
  }
  return readCsv(decodeText(new Uint8Array(await file.arrayBuffer())));
}

/** UTF-8 when the bytes are UTF-8; otherwise the Cyrillic code page Excel uses for «CSV (разделители — точка с запятой)». */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1251").decode(bytes);
  }
}
