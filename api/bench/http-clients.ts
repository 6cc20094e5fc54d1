/**
 * The benchmark's HTTP clients, on a worker thread of their own (http-client-worker.mjs): their work (requests,
 * reading and parsing the answers) does not run on the api's event loop, as it would not in production, but it
 * still takes its share of the same cores. node:http with keep-alive; each client has one request in flight.
 */
import { Worker } from 'node:worker_threads';

/** Latency, and the __typename of the first root field (when selected); the answer itself stays in the worker. */
export type Answer = { ms: number; typename?: string; errors?: string };
type Done = { id: number; answers: Answer[]; wallMs: number };

export class HttpClients {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, (done: Done) => void>();

  constructor(url: string) {
    this.worker = new Worker(new URL('./http-client-worker.mjs', import.meta.url), { workerData: { url } });
    this.worker.on('message', (done: Done) => {
      this.waiting.get(done.id)?.(done);
      this.waiting.delete(done.id);
    });
  }

  /** Posts the requests with at most `concurrency` in flight; answers in request order, and the batch's wall time. */
  run(
    requests: { query: string; variables?: Record<string, unknown> }[],
    concurrency: number,
  ): Promise<{ answers: Answer[]; wallMs: number }> {
    const id = this.next++;
    const bodies = requests.map((r) => JSON.stringify(r));
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ id, bodies, concurrency });
    });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
