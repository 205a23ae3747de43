"use client";
// The file picker of a CSV import: hands the chosen file's text (or null when the choice is cleared)
// to the import, which sends it as the request body.
export function CsvFileInput({ label, testId, onText }: { label: string; testId: string; onText: (text: string | null) => void }) {
  return (
    <label className="text-sm">
      {label}{" "}
      <input
        type="file"
        accept=".csv,text/csv"
        data-testid={testId}
        onChange={async (event) => {
          const file = event.target.files?.[0];
          onText(file ? await file.text() : null);
        }}
      />
    </label>
  );
}
