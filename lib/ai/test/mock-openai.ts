// A small OpenAI-compatible server for tests: /chat/completions and /audio/transcriptions answer from
// a script of replies (status, body, headers, delay) and every request is kept for assertions; /audio/*
// under /files serves a fake recording.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type Reply = { status?: number; body?: unknown; raw?: string; headers?: Record<string, string>; delayMs?: number };
export type Seen = { path: string; headers: IncomingMessage["headers"]; body: string };

export type MockOpenAi = {
  baseUrl: string;
  /** Replies for the next requests to a path, in order; once used up, the path answers 500. */
  script: (path: "/chat/completions" | "/audio/transcriptions", ...replies: Reply[]) => void;
  requests: Seen[];
  close: () => Promise<void>;
};

/** A chat completion whose message content is `content` (a string, or an object sent as JSON). */
export function chatReply(content: unknown, { promptTokens = 120, completionTokens = 40, finishReason = "stop", refusal }: { promptTokens?: number; completionTokens?: number; finishReason?: string; refusal?: string } = {}): Reply {
  return {
    body: {
      id: "chatcmpl-test",
      object: "chat.completion",
      created: 1_765_000_000,
      model: "test-model",
      choices: [{ index: 0, message: { role: "assistant", content: typeof content === "string" ? content : JSON.stringify(content), ...(refusal ? { refusal } : {}) }, finish_reason: finishReason }],
      usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    },
  };
}

export async function startMockOpenAi(): Promise<MockOpenAi> {
  const scripts = new Map<string, Reply[]>();
  const requests: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const path = (req.url ?? "").replace(/^\/v1/, "");
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("latin1") });
      if (path.startsWith("/files/")) {
        res.writeHead(200, { "content-type": "audio/mpeg" }).end(Buffer.from("ID3-fake-audio"));
        return;
      }
      const reply = scripts.get(path)?.shift() ?? { status: 500, body: { error: { message: "no scripted reply" } } };
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (res.destroyed) return;
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
      res.end(reply.raw ?? JSON.stringify(reply.body ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    script: (path, ...replies) => scripts.set(path, [...(scripts.get(path) ?? []), ...replies]),
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
