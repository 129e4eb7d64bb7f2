import { useEffect, useState } from 'preact/hooks';

const MINUTE = 60_000;

/** The rep's now, a minute at a time, and zone: the clock the task queries are asked with. */
export function useTaskClock(): { now: number; timeZone: string } {
  const [now, setNow] = useState(() => Math.floor(Date.now() / MINUTE) * MINUTE);
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / MINUTE) * MINUTE), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return { now, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
}
