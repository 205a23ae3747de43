// One mock CRM in a child process of the sync benchmark, so the measured process holds the sync
// alone, as in production, where the CRM is another machine: the mock generating and serialising
// 2,500-row answers in the same process added its own tens of megabytes to the peak RSS and took
// CPU from the writer. Speaks to its parent over the fork IPC channel.
import { fork } from "node:child_process";
import { startAmoMock } from "../../e2e/mocks/amocrm-mock";
import { startBitrix24Mock } from "../../e2e/mocks/bitrix24-mock";
import type { MockStats } from "../../e2e/mocks/mock-http";

type Kind = "bitrix24" | "amocrm";
type Ready = { url: string; webhookUrl?: string; accessToken?: string };
type Message = { ready: Ready } | { stats: MockStats };

export type MockProcess = Ready & { stats: () => Promise<MockStats>; close: () => Promise<void> };

/** Starts the mock of `kind` with `deals` deals (leads) and its real limits in a child process. */
export async function startMockProcess(kind: Kind, deals: number): Promise<MockProcess> {
  // the child runs this file under the parent's loader (tsx), see the bottom of the file
  const child = fork(__filename, [kind, String(deals)], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const next = <T>(pick: (message: Message) => T | undefined) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: Message) => {
        const value = pick(message);
        if (value === undefined) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(value);
      };
      const onExit = (code: number | null) => reject(new Error(`the ${kind} mock process exited (${code})`));
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  const ready = await next((message) => ("ready" in message ? message.ready : undefined));
  return {
    ...ready,
    stats: () => {
      const answer = next((message) => ("stats" in message ? message.stats : undefined));
      child.send("stats");
      return answer;
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    },
  };
}

async function serve(kind: Kind, deals: number): Promise<void> {
  const mock = kind === "bitrix24" ? await startBitrix24Mock({ deals, seed: 1 }) : await startAmoMock({ leads: deals, seed: 1 });
  const ready: Ready = "webhookUrl" in mock ? { url: mock.url, webhookUrl: mock.webhookUrl } : { url: mock.url, accessToken: mock.state.auth.longLivedToken };
  process.on("message", (message) => {
    if (message === "stats") process.send?.({ stats: mock.state.stats });
  });
  process.on("disconnect", () => process.exit(0));
  process.send?.({ ready });
}

if (process.send && require.main === module) void serve(process.argv[2] as Kind, Number(process.argv[3]));
