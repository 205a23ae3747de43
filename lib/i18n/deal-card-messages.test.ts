import { describe, expect, it } from "vitest";
import { dealCardMessages, formatCallLength } from "./deal-card-messages";

describe("formatCallLength", () => {
  it("says minutes and seconds, or only seconds under a minute, in both languages", () => {
    expect([formatCallLength(185, dealCardMessages.ru), formatCallLength(44, dealCardMessages.ru), formatCallLength(60, dealCardMessages.en), formatCallLength(0, dealCardMessages.en)]).toEqual(["3 мин 5 с", "44 с", "1 min 0 s", "0 s"]);
  });
});
