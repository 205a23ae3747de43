// An admin picks, per pipeline of the demo amoCRM source, the stage that makes a lead converted:
// the choice is saved through the source's PATCH and is still there after a reload; a Bitrix24
// source offers no such choice.
import { expect, test } from "@playwright/test";
import { apiJson, logins, signInAndWait } from "./fixtures";

test("an admin sets the qualified stage of an amoCRM pipeline on the Sources page", async ({ page }) => {
  await signInAndWait(page, logins.admin);
  await page.goto("/admin/sources");
  const card = page.getByRole("region", { name: "amoCRM — онлайн-школа" });
  const form = card.getByTestId("qualified-stages");
  await expect(form.getByRole("heading", { name: "Когда лид считается конвертированным" })).toBeVisible();
  const flagship = form.getByLabel("Flagship");
  await expect(flagship).toHaveValue("");
  // Open stages only, in funnel order, after the default; the lost stage is not offered.
  await expect(flagship.locator("option")).toHaveText([
    "Успешно реализовано (по умолчанию)", "Неразобранное", "Первичный контакт", "Переговоры", "Принимают решение", "Согласование договора",
  ]);
  await flagship.selectOption({ label: "Переговоры" });
  await form.getByRole("button", { name: "Сохранить" }).click();
  await expect(form).toContainText("Сохранено, отчёты по лидам пересчитаны.");

  await page.reload();
  await expect(page.getByRole("region", { name: "amoCRM — онлайн-школа" }).getByTestId("qualified-stages").getByLabel("Flagship")).toHaveValue(/.+/);
  await expect(page.getByRole("region", { name: "Bitrix24 — отдел продаж" }).getByTestId("qualified-stages")).toHaveCount(0);

  // The API shows the same choice.
  type Choice = { pipelineName: string; stageId: string | null; stages: { id: string; name: string }[] };
  const { sources } = await apiJson<{ sources: { name: string; qualifiedStages?: Choice[] }[] }>(page, "/api/sources");
  const choice = sources.find((s) => s.name === "amoCRM — онлайн-школа")!.qualifiedStages!.find((c) => c.pipelineName === "Flagship")!;
  expect(choice.stages.find((s) => s.id === choice.stageId)?.name).toBe("Переговоры");
});
