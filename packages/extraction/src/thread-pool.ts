import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError } from '@hds/core';
import { forwardStderr } from './engine-chatter.ts';

interface Task<Req, Res> {
  request: Req;
  transfer: ArrayBuffer[];
  resolve: (r: Res) => void;
  reject: (e: unknown) => void;
}

interface Slot<Req, Res> {
  worker: Worker;
  task: Task<Req, Res> | null;
}

export interface ThreadPool<Req, Res> {
  run(request: Req, transfer?: ArrayBuffer[]): Promise<Res>;
  readonly size: number;
  close(): Promise<void>;
}

/** The size a CPU-bound pool gets by default: one thread per core. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}

/**
 * A fixed pool of worker threads for CPU-bound work (PDF parsing, page
 * rendering) so the main event loop stays free (job locks, HTTP). A worker
 * that dies (a crash in native code) is replaced and its task fails with a
 * retryable error. Messages: `{ ok: true, result }` or `{ ok: false, error: { code, message, retryable } }`.
 */
export function createThreadPool<Req, Res>(script: URL, size: number, workerData?: unknown): ThreadPool<Req, Res> {
  const queue: Task<Req, Res>[] = [];
  const slots: Slot<Req, Res>[] = [];
  let closed = false;

  const spawn = (): Slot<Req, Res> => {
    const slot: Slot<Req, Res> = { worker: new Worker(script, { workerData, stderr: true }), task: null };
    forwardStderr(slot.worker.stderr);
    slot.worker.on('message', (msg: { ok: boolean; result?: Res; error?: { code: string; message: string; retryable: boolean } }) => {
      const task = slot.task;
      slot.task = null;
      if (task) {
        if (msg.ok) task.resolve(msg.result as Res);
        else task.reject(new AppError(msg.error!.code, msg.error!.message, { retryable: msg.error!.retryable }));
      }
      next(slot);
    });
    slot.worker.on('error', (err) => {
      const task = slot.task;
      slot.task = null;
      task?.reject(new AppError('worker.crashed', `Worker thread failed: ${err.message}`, { retryable: true, cause: err }));
    });
    slot.worker.on('exit', () => {
      const at = slots.indexOf(slot);
      if (at >= 0) slots.splice(at, 1);
      slot.task?.reject(new AppError('worker.crashed', 'Worker thread exited during a task', { retryable: true }));
      slot.task = null;
      if (!closed) next(spawnInto());
    });
    // Idle workers must not keep a finished process alive.
    slot.worker.unref();
    return slot;
  };
  const spawnInto = () => {
    const s = spawn();
    slots.push(s);
    return s;
  };
  const next = (slot: Slot<Req, Res>) => {
    if (slot.task || closed) return;
    const task = queue.shift();
    if (!task) {
      slot.worker.unref();
      return;
    }
    slot.task = task;
    slot.worker.ref();
    slot.worker.postMessage(task.request, task.transfer);
  };

  for (let i = 0; i < size; i++) spawnInto();
  return {
    size,
    run(request, transfer = []) {
      if (closed) return Promise.reject(new AppError('worker.closed', 'The thread pool is closed', { retryable: true }));
      return new Promise<Res>((resolve, reject) => {
        queue.push({ request, transfer, resolve, reject });
        const idle = slots.find((s) => !s.task);
        if (idle) next(idle);
      });
    },
    async close() {
      closed = true;
      for (const t of queue.splice(0)) t.reject(new AppError('worker.closed', 'The thread pool closed', { retryable: true }));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
