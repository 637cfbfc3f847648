import { isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import { afterColon, columnOf, startsLine } from '../parse/yamlText';

/**
 * Where each line of a YAML text should start, read from its syntax tree: the layout the formatter writes.
 * Only leading whitespace is planned (plus the gap after a key's colon); everything else on a line is kept
 * byte for byte, which is what makes the formatter unable to lose a comment, a quote or a scalar style.
 */
export interface LinePlan {
  /** Where the line's first character goes: an absolute column, or a shift of the line's own indentation. */
  readonly place?: { readonly column: number } | { readonly shift: number };
  /**
   * Inside a block scalar, whose content indentation was `contentIndent`: spaces beyond it, trailing spaces
   * and whitespace-only lines are text, to be kept.
   */
  readonly blockScalar?: { readonly contentIndent: number };
  /** The line ends inside a quoted scalar, where trailing spaces can be escaped content. */
  readonly keepTrailing?: boolean;
  /** Gaps after a key's `:` or an item's `-` to write as one space: offsets in the line, [start, end). */
  readonly gaps?: readonly (readonly [number, number])[];
}

export interface LayoutOptions {
  readonly indent: number;
}

type YamlPair = Pair<Node, Node | null>;

export class LayoutPlanner {
  readonly plans: LinePlan[];
  /** Set when a mapping has a key that is not a scalar (a mapping, a list, an alias): such a file is left as it is. */
  hasComplexKeys = false;
  private readonly lineStarts: readonly number[];

  constructor(
    private readonly text: string,
    private readonly options: LayoutOptions,
  ) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    this.plans = starts.map(() => ({}));
  }

  planDocument(document: Document.Parsed): void {
    const root = document.contents as Node | null;
    if (!root?.range) return;
    if ((isMap(root) || isSeq(root)) && !root.flow) this.planCollection(root, 0);
    else this.planValue(root, 0, 0, this.lineOf(root.range[0]));
  }

  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  /** Plans a line unless an enclosing node already did: the first (outermost) plan wins. */
  private plan(line: number, plan: LinePlan): void {
    const current = this.plans[line]!;
    this.plans[line] = {
      place: current.place ?? plan.place,
      blockScalar: current.blockScalar ?? plan.blockScalar,
      keepTrailing: current.keepTrailing || plan.keepTrailing,
      gaps: [...(current.gaps ?? []), ...(plan.gaps ?? [])],
    };
  }

  private planCollection(node: Node, column: number): void {
    if (isMap(node)) this.planMap(node.items as YamlPair[], column);
    else if (isSeq(node)) this.planSeq(node, node.items as (Node | null)[], column);
  }

  private planMap(pairs: readonly YamlPair[], column: number): void {
    for (const pair of pairs) {
      const keyRange = pair.key?.range;
      if (!isScalar(pair.key)) this.hasComplexKeys = true;
      if (!keyRange || !isScalar(pair.key)) continue;
      const keyLine = this.lineOf(keyRange[0]);
      if (startsLine(this.text, keyRange[0])) this.plan(keyLine, { place: { column } });
      const value = pair.value;
      if (value?.range && this.lineOf(value.range[0]) === keyLine && value.range[1] > value.range[0]) {
        const gap = this.text.slice(keyRange[1], value.range[0]);
        if (/^[ \t]*:[ \t]+$/.test(gap) && gap !== ': ') this.planGap(keyLine, afterColon(this.text, keyRange[1]), value.range[0]);
      }
      this.planValue(value, columnOf(this.text, keyRange[0]), column, keyLine);
    }
  }

  private planSeq(seq: Node, items: readonly (Node | null)[], column: number): void {
    const firstDash = seq.range?.[0];
    if (firstDash === undefined || this.text[firstDash] !== '-') return;
    const seqColumn = columnOf(this.text, firstDash);
    let dash: number | undefined = firstDash;
    for (let index = 0; index < items.length && dash !== undefined; index++) {
      const item = items[index];
      const dashLine = this.lineOf(dash);
      if (startsLine(this.text, dash)) this.plan(dashLine, { place: { column } });
      // `-   URI: x` becomes `- URI: x`, its mapping then two columns right of the dash.
      let sameLineColumn: number | undefined;
      if (item?.range && this.lineOf(item.range[0]) === dashLine && /^[ \t]+$/.test(this.text.slice(dash + 1, item.range[0]))) {
        if (item.range[0] !== dash + 2) this.planGap(dashLine, dash + 1, item.range[0]);
        sameLineColumn = column + 2;
      }
      if (item?.range) this.planValue(item, seqColumn, column, dashLine, sameLineColumn);
      const itemEnd = item?.range?.[1] ?? dash + 1;
      dash = this.dashAfter(Math.max(itemEnd, dash + 1), seqColumn);
    }
  }

  /** Plans `[start, end)` (offsets in the text, on `line`) to be written as one space. */
  private planGap(line: number, start: number, end: number): void {
    const lineStart = this.lineStarts[line]!;
    this.plan(line, { gaps: [[start - lineStart, end - lineStart]] });
  }

  /**
   * The dash of the next item: the first line after `offset` that starts with `-` at the list's column.
   * Searching from the end of the previous item skips its block scalar lines, which may start with `-` too.
   */
  private dashAfter(offset: number, seqColumn: number): number | undefined {
    const from = offset > 0 && this.text[offset - 1] === '\n' ? this.lineOf(offset) : this.lineOf(offset) + 1;
    for (let line = from; line < this.lineStarts.length; line++) {
      const at = this.lineStarts[line]! + seqColumn;
      const text = this.lineText(line);
      if (/^ *-(\s|$)/.test(text) && text.indexOf('-') === seqColumn) return at;
      if (text.trim() !== '' && !text.trimStart().startsWith('#')) return undefined;
    }
    return undefined;
  }

  /**
   * Plans a value owned by a key or a dash that moves from `ownerOld` to `ownerNew`. A collection on the
   * owner's line goes to `sameLineColumn` or keeps its offset from the owner; one on the next lines goes one
   * level deeper. Continuation lines move with the owner, which keeps them deeper than it.
   */
  private planValue(value: Node | null, ownerOld: number, ownerNew: number, ownerLine: number, sameLineColumn?: number): void {
    if (!value?.range) return;
    const startLine = this.lineOf(value.range[0]);
    if ((isMap(value) || isSeq(value)) && !value.flow) {
      const column = startLine === ownerLine ? (sameLineColumn ?? ownerNew + (columnOf(this.text, value.range[0]) - ownerOld)) : ownerNew + this.options.indent;
      this.planCollection(value, column);
      return;
    }
    // A value written on a line of its own below its owner (after a comment, say) goes one level deeper.
    let shift = ownerNew - ownerOld;
    if (startLine !== ownerLine && startsLine(this.text, value.range[0])) {
      const column = ownerNew + this.options.indent;
      this.plan(startLine, { place: { column } });
      shift = column - columnOf(this.text, value.range[0]);
    }
    if (isScalar(value) && (value.type === 'BLOCK_LITERAL' || value.type === 'BLOCK_FOLDED')) {
      this.planBlockScalar(value.range, ownerOld, ownerNew);
      return;
    }
    // A multi-line flow collection or flow scalar moves as one piece with its first line.
    const endLine = this.lineOf(Math.max(value.range[0], value.range[1] - 1));
    for (let line = startLine + 1; line <= endLine; line++) this.plan(line, { place: { shift } });
    this.markQuoted(value);
  }

  private planBlockScalar(range: readonly [number, number, number], ownerOld: number, ownerNew: number): void {
    const headerLine = this.lineOf(range[0]);
    const lastLine = this.lineOf(Math.max(range[0], range[1] - 1));
    const header = this.text.slice(range[0], this.lineStarts[headerLine + 1] ?? this.text.length);
    const explicitIndent = /^[|>][+-]?[1-9]|^[|>][1-9]/.test(header);
    let contentIndent = Infinity;
    for (let line = headerLine + 1; line <= lastLine; line++) {
      const content = this.lineText(line);
      if (content.trim() !== '') contentIndent = Math.min(contentIndent, /^ */.exec(content)![0].length);
    }
    // With an indentation indicator the content is measured from the parent, so it moves with it.
    const shift = explicitIndent || contentIndent === Infinity ? ownerNew - ownerOld : ownerNew + this.options.indent - contentIndent;
    const blockScalar = { contentIndent: contentIndent === Infinity ? 0 : contentIndent };
    for (let line = headerLine + 1; line <= lastLine; line++) {
      this.plan(line, { place: { shift }, blockScalar, keepTrailing: true });
    }
  }

  private markQuoted(node: unknown): void {
    if (isPair(node)) {
      this.markQuoted(node.key);
      this.markQuoted(node.value);
    } else if (isMap(node) || isSeq(node)) {
      for (const item of node.items) this.markQuoted(item);
    } else if (isScalar(node) && node.range && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
      const endLine = this.lineOf(node.range[1]);
      for (let line = this.lineOf(node.range[0]); line < endLine; line++) this.plan(line, { keepTrailing: true });
    }
  }

  lineText(line: number): string {
    const start = this.lineStarts[line]!;
    const next = this.lineStarts[line + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }
}
