// Every error code the source gives out is in the catalogue, so it has its Russian and English text
// (lib/i18n/error-messages.test.ts). AppError accepts any string, so that a new throw site compiles:
// this scan is what fails until its code is catalogued and translated.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_CODES, isErrorCode } from "./error-codes";
import { NotFoundError } from "./errors";

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const files = ["lib", "app", "components"].flatMap(sourceFiles).map((file) => ({ file, text: readFileSync(path.join(root, file), "utf8") }));

/** `new AppError(422, "too_many_rows", …)`, and `code: "email_taken"` in an error's details or body. */
function codesGivenOut(): { file: string; code: string }[] {
  const found: { file: string; code: string }[] = [];
  for (const { file, text } of files) {
    for (const [, code] of text.matchAll(/new AppError\(\s*[\w.]+,\s*"([^"]+)"/g)) found.push({ file, code });
    // "custom" is zod's own issue code (ctx.addIssue({ code: "custom", … })), not ours.
    for (const [, code] of text.matchAll(/\bcode:\s*"([a-z][a-z0-9_]*)"/g)) if (code !== "custom") found.push({ file, code });
  }
  return found;
}

describe("the error catalogue", () => {
  it("lists each code once", () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
  });

  it("has every code the source throws, answers or stores", () => {
    const given = codesGivenOut();
    // The scan must see the throw sites, or it proves nothing: these are among them.
    expect(given).toEqual(expect.arrayContaining([{ file: "lib/users/invite-user.ts", code: "email_taken" }, { file: "app/api/ad-spend/import/route.ts", code: "file_too_large" }]));
    expect(given.filter(({ code }) => !isErrorCode(code))).toEqual([]);
  });

  it("gives every thing a 404 names its own code", () => {
    const named = files.flatMap(({ file, text }) => [...text.matchAll(/new NotFoundError\("([^"]+)"/g)].map(([, what]) => ({ file, what })));
    expect(named.length).toBeGreaterThan(10);
    expect(named.filter(({ what }) => new NotFoundError(what).code === "not_found")).toEqual([]);
  });

  it("knows an unknown code when it sees one", () => {
    expect(isErrorCode("email_taken")).toBe(true);
    expect(isErrorCode("emailTaken")).toBe(false);
    expect(isErrorCode("constructor")).toBe(false);
  });
});
