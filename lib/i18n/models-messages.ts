// The admin "Models" page (app/(app)/admin/models): the win-probability model and how well it did.
const ru = {
  title: "Модели прогноза",
  indexBody: "Вероятность выигрыша открытых сделок: на чём обучена модель и насколько она точна на сделках, которых не видела",
  intro:
    "Модель оценивает вероятность выигрыша каждой открытой сделки по этапу, возрасту, дням на этапе, касаниям, дням без касания, сумме, воронке, источнику и менеджеру — такими, какими они были в середине жизни закрытых сделок. Качество измерено честно: модель, обученная на ранних 80 % закрытых сделок, проверена на поздних 20 %.",
  back: "Администрирование",
  none: "Модель ещё не обучалась. Она обучается сама после синхронизации (не чаще раза в сутки) или по кнопке.",
  trainNow: "Обучить сейчас",
  training: "Обучается…",
  current: "Текущая модель",
  version: "Версия",
  versionNumber: "№ {n}",
  method: "Метод",
  kind: { logistic: "логистическая регрессия", "stage-rate": "доля выигранных сделок по этапам" },
  stageRateNote: "Закрытых сделок {count} — меньше {min}, нужных для модели: вероятность сделки — историческая доля выигранных сделок её этапа.",
  trainedAt: "Обучена",
  closedDeals: "Закрытых сделок",
  split: "Проверка",
  splitText: "обучена на {train}, проверена на {test} закрытых с {date}",
  noTest: "мало сделок для проверки",
  auc: "AUC",
  aucHelp: "насколько верно модель ставит выигранные сделки выше проигранных: 0,5 — наугад, 1 — без ошибок",
  brier: "Оценка Брайера",
  brierHelp: "средний квадрат ошибки вероятности: 0 — идеально, 0,25 — как «50 % для всех»",
  calibration: "Калибровка на проверочных сделках",
  calibrationHelp: "Если модель говорит «60–70 %», то из таких сделок должно выигрываться около 65 %.",
  band: "Прогноз",
  deals: "Сделок",
  meanPredicted: "Средний прогноз",
  observed: "Выиграно на деле",
  noCalibration: "Нет проверочных сделок",
  history: "Версии",
  noMeasure: "—",
};

export type ModelsMessages = typeof ru;

const en: ModelsMessages = {
  title: "Prediction models",
  indexBody: "Win probability of open deals: what the model learned from and how accurate it is on deals it did not see",
  intro:
    "The model estimates each open deal's chance of being won from its stage, age, days in the stage, touches, days since the last touch, amount, pipeline, source and manager — as they were in the middle of the closed deals' lives. Its quality is measured honestly: a model trained on the earlier 80 % of closed deals is tested on the later 20 %.",
  back: "Administration",
  none: "No model has been trained yet. It trains by itself after a sync (at most once a day) or with the button.",
  trainNow: "Train now",
  training: "Training…",
  current: "Current model",
  version: "Version",
  versionNumber: "v{n}",
  method: "Method",
  kind: { logistic: "logistic regression", "stage-rate": "share of won deals per stage" },
  stageRateNote: "{count} closed deals — fewer than the {min} a model needs: a deal's probability is its stage's historical share of won deals.",
  trainedAt: "Trained",
  closedDeals: "Closed deals",
  split: "Test",
  splitText: "trained on {train}, tested on {test} closed from {date}",
  noTest: "too few deals to test",
  auc: "AUC",
  aucHelp: "how well it ranks won deals above lost ones: 0.5 is chance, 1 is never wrong",
  brier: "Brier score",
  brierHelp: "mean squared error of the probability: 0 is perfect, 0.25 is “50 % for everyone”",
  calibration: "Calibration on the test deals",
  calibrationHelp: "When the model says “60–70 %”, about 65 % of those deals should be won.",
  band: "Predicted",
  deals: "Deals",
  meanPredicted: "Mean prediction",
  observed: "Actually won",
  noCalibration: "No test deals",
  history: "Versions",
  noMeasure: "—",
};

export const modelsMessages = { ru, en };

export function modelsAdminLink(locale: "ru" | "en") {
  return { title: modelsMessages[locale].title, body: modelsMessages[locale].indexBody };
}
