/**
 * A strict XML parse for the storyboard's tests, with sax: the XML parser already installed (ali-oss reads OSS's
 * XML answers with xml2js, which parses with sax), so the SVG is checked by a real parser and no dependency is added.
 */
import { createRequire } from 'node:module';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own character data, concatenated. */
  text: string;
}

interface SaxParser {
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  onclosetag: () => void;
  ontext: (text: string) => void;
  onerror: (error: Error) => void;
  write(xml: string): SaxParser;
  close(): void;
}

const sax = createRequire(__filename)('sax') as { parser(strict: boolean, options: { xmlns?: boolean }): SaxParser };

/** XML 1.0's Char production: what a document may hold at all (sax does not check it). */
// eslint-disable-next-line no-control-regex -- tab, line feed and carriage return are the control characters XML allows
const NOT_XML_CHAR = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/**
 * What sax lets pass in a start tag: a raw `<` in an attribute value and an attribute given twice. The SVG escapes
 * `>` too, so a start tag ends at its first `>`.
 */
function checkStartTags(xml: string): void {
  for (const match of xml.matchAll(/<([A-Za-z][\w:.-]*)([^>]*)>/g)) {
    const body = match[2]!;
    if (body.includes('<')) throw new Error(`unescaped < in an attribute of <${match[1]}> at ${match.index}`);
    const names = [...body.matchAll(/\s([\w:.-]+)\s*=\s*"[^"]*"/g)].map((name) => name[1]!);
    if (new Set(names).size !== names.length) throw new Error(`an attribute given twice in <${match[1]}> at ${match.index}`);
  }
}

/** Parses a whole document strictly; throws on anything not well-formed. */
export function parseXml(xml: string): XmlElement {
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) throw new Error(`character U+${bad[0].charCodeAt(0).toString(16)} is not allowed in XML, at ${bad.index}`);
  checkStartTags(xml);
  const parser = sax.parser(true, {});
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.onerror = (error) => {
    failure ??= error;
  };
  parser.onopentag = (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...tag.attributes }, children: [], text: '' };
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element);
    else if (root) failure ??= new Error('more than one root element');
    else root = element;
    stack.push(element);
  };
  parser.onclosetag = () => {
    stack.pop();
  };
  parser.ontext = (text) => {
    if (stack.length > 0) stack[stack.length - 1]!.text += text;
  };
  parser.write(xml).close();
  if (failure) throw failure;
  if (!root) throw new Error('no root element');
  return root;
}

/** Every element below (and including) `element`, in document order. */
export function allElements(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(allElements)];
}

/** All the character data inside an element, its descendants' included. */
export function textOf(element: XmlElement): string {
  return element.text + element.children.map(textOf).join('');
}
