/** What the middleware puts on a request's context for the routes. */
import type { Logger } from 'pino';
import type { Lang } from '../core/locale/messages.ts';
import type { StoredSession } from '../storage/repositories/session-repository.ts';

export type AppEnv = {
  Variables: {
    session: StoredSession | null;
    /** The cookie's token as the browser sent it (ended at the next login: no fixation). */
    sessionToken: string | null;
    lang: Lang;
    /** The client's address (behind a trusted proxy: the one it appended). */
    clientAddress: string;
    /** The request's id (X-Request-Id) and the log bound to it. */
    requestId: string;
    log: Logger;
  };
};
