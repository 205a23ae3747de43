// A local stand-in for the Telegram Bot API, for tests: it answers sendMessage the way Telegram
// does (a wrong token → 401 "Unauthorized", an unknown chat → 400 "Bad Request: chat not found",
// flood control → 429 with retry_after), records every call, and can be told to fail the next N calls.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { safeEqual } from "@/lib/ingest/receive/secrets";

export type MockCall = { chatId: string; text: string; status: number; tokenOk: boolean };
export type MockFailure = { status: 500 | 502 } | { status: 429; retryAfter: number } | { status: 400; description: string };

export type MockTelegram = {
  /** What TELEGRAM_API_BASE_URL should be. */
  baseUrl: string;
  /** Every sendMessage call, answered or refused, in order. */
  calls: MockCall[];
  /** The messages that were delivered (answered ok). */
  delivered: () => { chatId: string; text: string }[];
  failNext: (count: number, failure?: MockFailure) => void;
  close: () => Promise<void>;
};

export async function startMockTelegram(options: { token: string; chats: string[]; port?: number }): Promise<MockTelegram> {
  const calls: MockCall[] = [];
  const failures: MockFailure[] = [];
  let messageId = 100;

  const server = http.createServer(async (request, response) => {
    const answer = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    const refuse = (status: number, description: string, extra: object = {}) => answer(status, { ok: false, error_code: status, description, ...extra });
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(request.url ?? "");
    if (!match) return refuse(404, "Not Found");
    const [, token, method] = match;
    const tokenOk = safeEqual(token, options.token);
    const body = await readJson(request);
    if (method !== "sendMessage") return tokenOk ? refuse(404, "Not Found: method not found") : refuse(401, "Unauthorized");
    const call: MockCall = { chatId: String(body.chat_id ?? ""), text: String(body.text ?? ""), status: 200, tokenOk };
    calls.push(call);
    const failure = failures.shift();
    if (!tokenOk) call.status = 401;
    else if (failure) call.status = failure.status;
    else if (!options.chats.includes(call.chatId)) call.status = 400;
    else if (!call.text) call.status = 400;

    if (call.status === 401) return refuse(401, "Unauthorized");
    if (failure?.status === 429) return refuse(429, `Too Many Requests: retry after ${failure.retryAfter}`, { parameters: { retry_after: failure.retryAfter } });
    if (failure?.status === 400) return refuse(400, failure.description);
    if (failure) return refuse(failure.status, "Internal Server Error");
    if (call.status === 400) return refuse(400, call.text ? "Bad Request: chat not found" : "Bad Request: message text is empty");
    messageId += 1;
    return answer(200, { ok: true, result: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat: { id: call.chatId }, text: call.text } });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    calls,
    delivered: () => calls.filter((call) => call.status === 200).map(({ chatId, text }) => ({ chatId, text })),
    failNext: (count, failure = { status: 500 }) => failures.push(...Array.from({ length: count }, () => failure)),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets of the client would hold close() for seconds
      }),
  };
}

async function readJson(request: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
  } catch {
    return {};
  }
}
