/**
 * What the CLI prints never drives the terminal: control characters from job values, file names or a service's
 * message (ESC sequences such as an OSC 52 clipboard write, BEL, a CR that overwrites the line, C1 controls,
 * bidirectional overrides) are written as `\uXXXX`. Line breaks and tabs of our own output stay. `\uXXXX` is also
 * how JSON writes them, so JSON and SARIF output stay valid and mean the same.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line of a report: its own line breaks written out too, so a file name cannot start a fake line. */
export function escapeLine(text: string): string {
  return escapeControl(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}
