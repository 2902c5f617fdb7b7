/** What the middleware puts on a request's context for the routes. */
import type { Lang } from '../core/locale/messages.ts';
import type { StoredSession } from '../storage/repositories/session-repository.ts';

export type AppEnv = {
  Variables: {
    session: StoredSession | null;
    /** The cookie's token as the browser sent it (ended at the next login: no fixation). */
    sessionToken: string | null;
    lang: Lang;
  };
};
