import { useEffect, useMemo, useState } from 'preact/hooks';
import type { TaskClock } from '../../lib/tasks/task-views';

const MINUTE = 60_000;
const floorMinute = (at: number) => Math.floor(at / MINUTE) * MINUTE;

/**
 * The rep's clock for the Tasks views: the browser's time zone, and "now" to the minute, so a
 * task whose time passes moves to Overdue within a minute while the live queries stay still between.
 */
export function useTaskClock(): TaskClock {
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const [now, setNow] = useState(() => floorMinute(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => setNow(floorMinute(Date.now())), 10_000);
    return () => clearInterval(timer);
  }, []);
  return useMemo(() => ({ now, timeZone }), [now, timeZone]);
}
