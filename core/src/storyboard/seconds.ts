/** Seconds as the storyboard prints them: at most three decimals, no trailing zeros (`12.5`, `40.1`, `3`). */
export function secondsNumber(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}

/** Seconds with their unit: `12.5 s`. */
export function secondsText(seconds: number): string {
  return `${secondsNumber(seconds)} s`;
}
