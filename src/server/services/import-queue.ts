/**
 * Who gets the next reader thread: a queue per user, the user served least recently first, each
 * user at most `perUser` files at once. One user's ten large PDFs take one thread at a time, and another user's small file
 * takes the next free thread instead of waiting behind all ten. Bounded: a user with `waitingPerUser`
 * files waiting is told to wait (429 TOO_MANY_IMPORTS), and with `waiting` files waiting in all the
 * server is busy (503 BUSY); both with Retry-After.
 */
import { ApiError } from '../api-error.ts';

export interface QueueLimits {
  /** Files read at once (the reader threads). */
  slots: number;
  /** Files of one user read at once. */
  perUser: number;
  waitingPerUser: number;
  waiting: number;
}

interface Waiting<T, R> {
  task: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export class FairQueue<T, R> {
  private running = 0;
  private readonly runningOf = new Map<string, number>();
  private readonly waitingOf = new Map<string, Array<Waiting<T, R>>>();
  /** Users with files waiting, in the order they came. */
  private readonly turn: string[] = [];
  /** When each user was last served (a counter): the least recently served goes first. */
  private readonly servedAt = new Map<string, number>();
  private served = 0;
  private waitingCount = 0;

  constructor(private readonly work: (task: T) => Promise<R>, private readonly limits: QueueLimits) {}

  submit(user: string, task: T): Promise<R> {
    const queue = this.waitingOf.get(user) ?? [];
    if (queue.length >= this.limits.waitingPerUser) throw new ApiError(429, 'TOO_MANY_IMPORTS', { params: { count: queue.length }, headers: { 'Retry-After': '5' } });
    if (this.waitingCount >= this.limits.waiting) throw new ApiError(503, 'BUSY', { headers: { 'Retry-After': '10' } });
    return new Promise<R>((resolve, reject) => {
      queue.push({ task, resolve, reject });
      this.waitingOf.set(user, queue);
      this.waitingCount += 1;
      if (!this.turn.includes(user)) this.turn.push(user);
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.running < this.limits.slots) {
      const user = this.next();
      if (user === undefined) return;
      const queue = this.waitingOf.get(user)!;
      const item = queue.shift()!;
      this.waitingCount -= 1;
      if (queue.length === 0) {
        this.waitingOf.delete(user);
        this.turn.splice(this.turn.indexOf(user), 1);
      }
      this.servedAt.set(user, ++this.served);
      this.start(user, item);
    }
  }

  /** Of the users who may start a file now, the one served least recently (never: first), then the one who came first. */
  private next(): string | undefined {
    let best: string | undefined;
    for (const user of this.turn) {
      if ((this.runningOf.get(user) ?? 0) >= this.limits.perUser) continue;
      if (best === undefined || (this.servedAt.get(user) ?? 0) < (this.servedAt.get(best) ?? 0)) best = user;
    }
    return best;
  }

  private start(user: string, item: Waiting<T, R>): void {
    this.running += 1;
    this.runningOf.set(user, (this.runningOf.get(user) ?? 0) + 1);
    this.work(item.task).then(item.resolve, item.reject).finally(() => {
      this.running -= 1;
      const left = this.runningOf.get(user)! - 1;
      if (left > 0) this.runningOf.set(user, left);
      else {
        this.runningOf.delete(user);
        // Nothing of theirs left: forgotten (the maps hold the users at work, not every user there was).
        if (!this.waitingOf.has(user)) this.servedAt.delete(user);
      }
      this.dispatch();
    });
  }
}
