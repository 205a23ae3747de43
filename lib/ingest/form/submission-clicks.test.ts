// A form's hidden fields with the referrer and click ids become the form lead's, kept as sent.
import { describe, expect, it } from "vitest";
import { readFields, readSubmission } from "./submission";

const read = (body: string, contentType = "application/x-www-form-urlencoded") => readSubmission(readFields(contentType, body));

describe("click ids and the referrer of a form post", () => {
  it("reads gclid, yclid, fbclid and the referrer (also spelt referer) from hidden fields, case kept", () => {
    const submission = read("Name=Anna&Phone=%2B79123456789&gclid=Cj0KCQiA-AbC&YCLID=7204611&fbclid=IwAR2xYz&Referer=https%3A%2F%2Fya.ru%2F");
    expect(submission.clicks).toEqual({ referrer: "https://ya.ru/", fbclid: "IwAR2xYz", gclid: "Cj0KCQiA-AbC", yclid: "7204611" });
  });

  it("leaves them null when the form sends none, as Tilda does by itself, and ignores empty ones", () => {
    expect(read("Name=Anna&Phone=%2B79123456789&gclid=").clicks).toEqual({ referrer: null, fbclid: null, gclid: null, yclid: null });
    expect(read(JSON.stringify({ email: "a@b.kz", referrer: "https://google.com/" }), "application/json").clicks.referrer).toBe("https://google.com/");
  });
});
