// Runs a mock CRM as its own process (for Playwright, manual checks or a benchmark that keeps the
// mock out of the measured process). Prints one JSON line with the URLs and credentials, then
// serves until killed:
//   npx tsx e2e/mocks/serve.ts bitrix24 --port 3201 --deals 1000 --seed 7 [--no-limits]
//   npx tsx e2e/mocks/serve.ts amocrm --port 3202 --leads 1000
import { startAmoMock } from "./amocrm-mock";
import { startBitrix24Mock } from "./bitrix24-mock";

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}
const number = (name: string) => (flag(name) === undefined ? undefined : Number(flag(name)));

async function main() {
  const kind = process.argv[2];
  const port = number("port");
  const seed = number("seed");
  const noLimits = process.argv.includes("--no-limits");
  if (kind === "bitrix24") {
    const mock = await startBitrix24Mock({ port, seed, deals: number("deals"), limits: noLimits ? false : undefined });
    console.log(JSON.stringify({ kind, url: mock.url, webhookUrl: mock.webhookUrl, oauthServer: mock.oauthServer }));
  } else if (kind === "amocrm") {
    const mock = await startAmoMock({ port, seed, leads: number("leads"), perSecond: noLimits ? false : undefined });
    console.log(JSON.stringify({ kind, url: mock.url, accessToken: mock.state.auth.longLivedToken }));
  } else {
    console.error("usage: serve.ts bitrix24|amocrm [--port N] [--seed N] [--deals N | --leads N] [--no-limits]");
    process.exit(2);
  }
}

void main();
