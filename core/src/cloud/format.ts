/** How sizes of OSS objects read in messages and completion details: `812 B`, `3.4 MB`. */
export function formatSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  return `${unit === 0 ? n : n.toFixed(1)} ${units[unit]}`;
}

/**
 * Seconds as the checks' messages state them: to the millisecond, trailing zeros dropped (`40.107`, `40.1`, `12`), so
 * the fact that decides a finding is never rounded onto the value it is compared with.
 */
export function formatSeconds(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}
