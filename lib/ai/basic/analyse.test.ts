// The basic analyser's rules on single messages: negation, the quoted clause, dismissals, irony, the
// summary sentence, the language.
import { describe, expect, it } from "vitest";
import { detectLanguage, sentimentSign } from "../analysis";
import { analyseBasic } from "./analyse";

describe("analyseBasic", () => {
  it("finds a price objection in «дорого» with its clause, and none in «не дорого»", () => {
    expect(analyseBasic("Честно говоря, для нас это дорого. Позвоните позже.", "ru").objections).toEqual([
      { type: "price", quote: "для нас это дорого" },
      { type: "timing", quote: "Позвоните позже" },
    ]);
    const fine = analyseBasic("Нормально, не дорого. Давайте оформлять счёт.", "ru");
    expect(fine.objections).toEqual([]);
    expect(fine.intent).toBe("purchase");
    expect(sentimentSign(fine.sentiment)).toBe(1);
  });

  it("handles English negation: 'not expensive at all' raises nothing, 'too expensive' raises price", () => {
    expect(analyseBasic("Not expensive at all compared to what we pay now.", "en").objections).toEqual([]);
    expect(analyseBasic("Honestly, it's too expensive for us.", "en").objections).toEqual([{ type: "price", quote: "it's too expensive for us" }]);
  });

  it("matches Russian word forms through their stems: конкурентов, конкуренту, руководству", () => {
    const analysis = analyseBasic("Мы уже ушли к конкуренту, а руководству ваше предложение не понравилось.", "ru");
    expect(analysis.objections.map((o) => o.type)).toEqual(["competitor", "authority"]);
  });

  it("waves a concern away in its clause: «цена не проблема» raises no price objection", () => {
    expect(analyseBasic("Цена не проблема, главное — сроки внедрения.", "ru").objections).toEqual([]);
  });

  it("reads irony: praise beside trouble counts as negative, and the message as a complaint", () => {
    const analysis = analyseBasic("Отличный сервис, конечно: данные пропали, а поддержка молчит.", "ru");
    expect(sentimentSign(analysis.sentiment)).toBe(-1);
    expect(analysis.intent).toBe("complaint");
  });

  it("summarises with the one sentence that carries the most, as written", () => {
    const analysis = analyseBasic("Добрый день! Мы посмотрели демо. Бюджет на этот год уже распределён, вернёмся к вопросу в следующем году.", "ru");
    expect(analysis.summary).toBe("Бюджет на этот год уже распределён, вернёмся к вопросу в следующем году.");
    expect(analysis).toMatchObject({ analyser: "basic", language: "ru" });
  });

  it("calls a greeting with no cues 'other' and a bare question 'info'", () => {
    expect(analyseBasic("Здравствуйте!", "ru").intent).toBe("other");
    expect(analyseBasic("А как это работает у вас?", "ru").intent).toBe("info");
  });
});

describe("detectLanguage", () => {
  it("tells Russian from English by the letters", () => {
    expect(detectLanguage("Цена для нас высокая, CRM не нужна")).toBe("ru");
    expect(detectLanguage("The price is too high")).toBe("en");
  });
});
