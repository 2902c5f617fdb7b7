/** The language of a request's messages: `?lang=en|zh`, else Accept-Language, else Chinese. */
import type { Context } from 'hono';
import type { Lang } from '../core/locale/messages.ts';

export function requestLang(c: Context): Lang {
  const query = c.req.query('lang');
  if (query === 'en' || query === 'zh') return query;
  const accept = c.req.header('accept-language') ?? '';
  const first = accept.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh';
}
