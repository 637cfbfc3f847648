/**
 * `--match` patterns on a file name: `*` (any run of characters), `?` (one), `[abc]` / `[!abc]` (one of, or not),
 * `{mp4,mov}` (one of the words). Case-sensitive, as OSS keys are. Pure.
 */

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end === -1) source += '\\[';
      else {
        let set = pattern.slice(i + 1, end);
        const negated = set.startsWith('!');
        if (negated) set = set.slice(1);
        source += `[${negated ? '^' : ''}${set.replace(/[\\\]^]/g, '\\$&')}]`;
        i = end;
      }
    } else if (c === '{') {
      const end = pattern.indexOf('}', i + 1);
      if (end === -1) source += '\\{';
      else {
        source += `(?:${pattern
          .slice(i + 1, end)
          .split(',')
          .map((word) => escape(word))
          .join('|')})`;
        i = end;
      }
    } else source += escape(c);
  }
  return new RegExp(`^${source}$`, 'u');
}

/** True when the last part of `key` (after the last `/`) matches. */
export function fileNameMatches(key: string, pattern: RegExp): boolean {
  return pattern.test(key.slice(key.lastIndexOf('/') + 1));
}
