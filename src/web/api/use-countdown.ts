/** Whole seconds until `until` (ms since the epoch), ticking every second, never below 0. */
import { useEffect, useState } from 'react';

export const secondsUntil = (until: number, now: number): number => Math.max(0, Math.ceil((until - now) / 1000));

export function useCountdown(until: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return secondsUntil(until, now);
}
