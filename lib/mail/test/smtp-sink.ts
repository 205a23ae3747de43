// A real SMTP server in the test's process (smtp-server) that keeps every message it receives,
// parsed with mailparser, attachments included. `refuse` answers a message with an SMTP error
// instead (451: try later, 550: never), to test retries.
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  url: string;
  port: number;
  messages: ParsedMail[];
  /** Called per message before accepting it; a number refuses it with that SMTP code. */
  refuse: (to: string[]) => number | null;
  waitFor: (count: number, timeoutMs?: number) => Promise<ParsedMail[]>;
  close: () => Promise<void>;
};

export async function startSmtpSink(options: { port?: number; user?: string; password?: string } = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const sink = { messages, refuse: () => null } as unknown as SmtpSink;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authOptional: !options.user,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) return callback(null, { user: auth.username });
      callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
      simpleParser(stream)
        .then((parsed) => {
          const code = sink.refuse(to);
          if (code) return callback(Object.assign(new Error(code >= 500 ? "Mailbox unavailable" : "Try again later"), { responseCode: code }));
          messages.push(parsed);
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.server.address() as { port: number }).port;
  const auth = options.user ? `${encodeURIComponent(options.user)}:${encodeURIComponent(options.password ?? "")}@` : "";
  sink.url = `smtp://${auth}127.0.0.1:${port}`;
  sink.port = port;
  sink.waitFor = async (count, timeoutMs = 10_000) => {
    const until = Date.now() + timeoutMs;
    while (messages.length < count) {
      if (Date.now() > until) throw new Error(`expected ${count} messages, received ${messages.length}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return messages;
  };
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
