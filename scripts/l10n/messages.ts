// Finds every translatable message in the sources: the string literal that starts a call of `t(…)` (imported from
// core/src/shared/l10n, core/src/index or @vscode/l10n) or of `l10n.t(…)` / `vscode.l10n.t(…)`. Used by the completeness test and by
// `npm run l10n:check`, which lists what a bundle lacks.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface MessageUse {
  readonly message: string;
  readonly file: string;
  readonly line: number;
  /** The number of arguments after the message, or undefined when they are passed as one object. */
  readonly argumentCount: number | undefined;
}

export interface MessageScan {
  readonly uses: readonly MessageUse[];
  /** Calls whose message is not a literal: no tool can find their text, so they cannot be translated. */
  readonly problems: readonly string[];
}

/** Where the shipped code lives: the core, the server, the client, the CLI and the cloud clients. */
export const SOURCE_ROOTS = ['core/src', 'server/src', 'client/src', 'cli/src', 'api/src'];

export function sourceFiles(root: string, dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(root, path));
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

/** Whether a file imports `t` from our l10n module or from @vscode/l10n, so a bare `t(…)` is the translator. */
function importsT(source: ts.SourceFile): boolean {
  return source.statements.some(
    (statement) =>
      ts.isImportDeclaration(statement) &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      /(?:\/l10n|\/core\/src\/index|^@vscode\/l10n)$/.test(statement.moduleSpecifier.text) &&
      statement.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(statement.importClause.namedBindings) &&
      statement.importClause.namedBindings.elements.some((element) => element.name.text === 't'),
  );
}

function isTranslatorCall(call: ts.CallExpression, bareT: boolean): boolean {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return bareT && callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(?:^|\.)l10n$/.test(callee.expression.getText());
}

export function scanMessages(root: string, roots: readonly string[] = SOURCE_ROOTS): MessageScan {
  const uses: MessageUse[] = [];
  const problems: string[] = [];
  for (const dir of roots) {
    for (const file of sourceFiles(root, dir)) {
      const text = readFileSync(join(root, file), 'utf8');
      if (!/\bt\(/.test(text)) continue;
      const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
      const bareT = importsT(source);
      const visit = (node: ts.Node): void => {
        if (ts.isCallExpression(node) && isTranslatorCall(node, bareT)) {
          const [first, ...rest] = node.arguments;
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          const where = `${relative(root, join(root, file))}:${line}`;
          if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) {
            const objectArgs = rest.length === 1 && rest[0] !== undefined && ts.isObjectLiteralExpression(rest[0]);
            uses.push({ message: first.text, file, line, argumentCount: objectArgs ? undefined : rest.length });
          } else {
            problems.push(`${where}: the message of ${node.expression.getText()}(…) must be a string literal`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
  }
  return { uses, problems };
}

/** The `{0}`, `{1}`, `{name}` placeholders of a message, sorted. */
export function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{([^{}\s]+)\}/g)].map((match) => match[1]!))].sort();
}

/** Everything wrong between the messages in the sources and a bundle: missing, unused, or with other placeholders. */
export function bundleProblems(scan: MessageScan, bundle: Readonly<Record<string, string>>, name: string): string[] {
  const problems = [...scan.problems];
  const used = new Map<string, MessageUse>();
  for (const use of scan.uses) {
    if (!used.has(use.message)) used.set(use.message, use);
    const indexes = placeholders(use.message).filter((p) => /^\d+$/.test(p)).map(Number);
    const count = indexes.length === 0 ? 0 : Math.max(...indexes) + 1;
    if (use.argumentCount !== undefined && use.argumentCount !== count) {
      problems.push(`${use.file}:${use.line}: ${JSON.stringify(use.message)} has ${count} placeholders but is given ${use.argumentCount} arguments`);
    }
  }
  for (const [message, use] of used) {
    const translation = bundle[message];
    if (translation === undefined) problems.push(`${use.file}:${use.line}: ${JSON.stringify(message)} has no translation in ${name}`);
    else if (placeholders(translation).join() !== placeholders(message).join()) {
      problems.push(`${name}: ${JSON.stringify(translation)} has placeholders {${placeholders(translation).join('}, {')}} but ${JSON.stringify(message)} has {${placeholders(message).join('}, {')}}`);
    }
  }
  for (const message of Object.keys(bundle)) {
    if (!used.has(message)) problems.push(`${name}: ${JSON.stringify(message)} is not used by any t(…) in the sources`);
  }
  return problems;
}
