/** A command a client sent and the engine acknowledged with 2xx. */
export interface Acknowledged {
  readonly commandId: string;
  readonly type: string;
  readonly stream: string;
  readonly replayed: boolean;
  readonly events: readonly { readonly id: string; readonly type: string; readonly position: number }[];
}

export interface ClientRun {
  readonly acknowledged: Acknowledged[];
  /** Commands the domain refused (409 after its retries, 422), by status. */
  readonly refused: Record<string, number>;
  /** Attempts that failed because the engine was down or going down, then retried with the same key. */
  retried: number;
  /** Replies no client may ever get here (5xx other than 503, an idempotency conflict): fail the test. */
  readonly broken: string[];
}

export interface Command {
  readonly commandId: string;
  readonly type: string;
  readonly body: unknown;
}

/**
 * Sends `count` commands from `clients` concurrent clients, command `n` being `commandOf(n)`.
 * Each command carries its id as Idempotency-Key; when the engine dies under it (no reply, or
 * 503 while it shuts down or starts) the client sends it again with the same key until it gets
 * an answer, so an acknowledged command can only be recorded once.
 */
export async function runClients(options: {
  readonly url: () => string;
  readonly headers: Record<string, string>;
  readonly clients: number;
  readonly count: number;
  readonly commandOf: (n: number) => Command;
  readonly deadline: number;
  /** Told how many commands the clients have taken so far, each time one is taken. */
  readonly onTaken?: (taken: number) => void;
}): Promise<ClientRun> {
  const run: ClientRun = { acknowledged: [], refused: {}, retried: 0, broken: [] };
  let next = 0;
  const client = async () => {
    while (next < options.count) {
      const command = options.commandOf(next++);
      options.onTaken?.(next);
      await send(command);
    }
  };
  const send = async (command: Command) => {
    for (;;) {
      if (Date.now() > options.deadline) throw new Error(`command ${command.commandId} never got an answer`);
      let response: Response;
      try {
        response = await fetch(`${options.url()}/api/commands/${command.type}`, {
          method: 'POST',
          headers: { ...options.headers, 'idempotency-key': command.commandId },
          body: JSON.stringify(command.body),
        });
      } catch {
        run.retried++;
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      const text = await response.text().catch(() => null);
      if (text === null || response.status === 503) {
        run.retried++;
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      if (response.status === 200) {
        const reply = JSON.parse(text) as Omit<Acknowledged, 'type'>;
        run.acknowledged.push({ ...reply, type: command.type });
      } else if ((response.status === 409 || response.status === 422) && !/idempotency/.test(text)) {
        // The domain or a concurrency conflict refused it: a valid answer, nothing acknowledged.
        run.refused[response.status] = (run.refused[response.status] ?? 0) + 1;
      } else {
        // An idempotency conflict means a retry was taken for another command: never right here.
        run.broken.push(`${command.type} ${command.commandId}: ${response.status} ${text}`);
      }
      return;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, client));
  return run;
}
