import { describe, expect, it } from "vitest";
import { b24Markup, toPlainText } from "./markup";

describe("toPlainText", () => {
  it("strips BB-code of a Bitrix24 comment and keeps the words", () => {
    expect(toPlainText("[B]Клиент[/B] просит скидку [URL=https://x.kz]см. КП[/URL][BR]Перезвонить в пятницу", "bbcode")).toBe("Клиент просит скидку см. КП\nПерезвонить в пятницу");
  });
  it("turns an HTML e-mail into its text, without link targets or images", () => {
    expect(toPlainText('<p>Добрый день!</p><p>Цена <b>дорого</b>, <a href="https://x">прайс</a><img src="a.png"></p>', "html")).toBe("Добрый день!\n\nЦена дорого, прайс");
  });
  it("reads DESCRIPTION_TYPE 1 / 2 / 3 as plain / BB-code / HTML; empty or missing text is empty", () => {
    expect([b24Markup("1"), b24Markup("2"), b24Markup("3"), b24Markup(undefined)]).toEqual(["plain", "bbcode", "html", "plain"]);
    expect(toPlainText(null, "plain")).toBe("");
    expect(toPlainText("  \n ", "plain")).toBe("");
  });
});
