// Finds user-visible texts written as raw literals where they skip translation: the message (and buttons) of
// `showInformationMessage` & co., a progress title, the title of a Command or CodeLens, the text of a status bar or
// language status item, the message of a diagnostic or error (and of our own error classes), the CLI's stderr lines. The completeness check only sees texts already
// wrapped in t(…); these are the ones it could not see. Pragmatic: it looks at the shape of the code, not at types.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { SOURCE_ROOTS, sourceFiles } from './messages';

export interface RawText {
  readonly file: string;
  readonly line: number;
  /** The literal as written, e.g. `'Settings'` or `` `Not checked: the file ${problem}.` ``. */
  readonly text: string;
  /** Where it is used: `showErrorMessage`, `withProgress title`, `Command title`, `.text`, `message:`. */
  readonly use: string;
}

/** A text that is deliberately not translated: a code, a product name, something technical. */
export interface AllowedRawText {
  /** The file, relative to the repository root. */
  readonly file: string;
  /** The literal's text with `${…}` substitutions as written. */
  readonly text: string;
  readonly why: string;
}

export const ALLOWED_RAW_TEXTS: readonly AllowedRawText[] = [
  {
    file: 'client/src/tasks/tree.ts',
    text: 'Show Task Details',
    why: "the title of a tree item's click command, which VS Code does not show (the palette shows the manifest's title)",
  },
  {
    file: 'client/src/batch/treeItems.ts',
    text: 'Show Task Details',
    why: "the title of a tree item's click command, which VS Code does not show (the palette shows the manifest's title)",
  },
  { file: 'client/src/cloud/completion.ts', text: 'Suggest', why: "the title of a completion item's command, which VS Code does not show" },
  { file: 'core/src/features/completion.ts', text: 'Suggest', why: "the title of a completion item's command, which VS Code does not show" },
  { file: 'client/src/languageStatus.ts', text: 'API ${API_VERSION}', why: 'the IMM API version, e.g. "API 2020-09-30": a name, not words' },
  { file: 'client/src/tasks/commands.ts', text: 'GetTask ${record.taskId}', why: 'the API action and the TaskId, as the IMM reference names them' },
  { file: 'client/src/access/credentialCommands.ts', text: 'LTAI…', why: 'how an AccessKey ID starts: a format, not words' },
  { file: 'client/src/results/index.ts', text: 'oss://bucket/path/output.mp4', why: 'the form of an OSS URI' },
];

/** The folders whose `message:` properties are read by people: diagnostics of the core and server, errors of the CLI and cloud clients. */
const MESSAGE_ROOTS = ['core/src', 'server/src', 'cli/src', 'api/src'];
/** The CLI, whose `io.stderr(…)` lines and usage errors are read by people. */
const CLI_ROOT = 'cli/src';

const SHOW_MESSAGE = /^(?:show(?:Information|Warning|Error)Message|setStatusBarMessage)$/;
const ITEM_TEXT_PROPERTIES = new Set(['text', 'detail', 'tooltip']);
/** Properties of the extension's object literals that VS Code shows: quick pick items, input boxes, commands, modals. */
const CLIENT_TEXT_PROPERTIES = ['title', 'label', 'description', 'detail', 'tooltip', 'placeHolder', 'prompt', 'openLabel', 'saveLabel'];
/** Variables that, by their name, hold a text for people: `const message = …`. */
const TEXT_VARIABLES = new Set(['message', 'detail', 'title', 'label', 'text', 'tooltip']);
/** The extension's sources, where object literals above all feed VS Code's UI. */
const CLIENT_ROOT = 'client/src';

/**
 * The literal parts of an expression that people would read: a string or template literal with letters outside
 * its substitutions and codicons (`$(sync~spin)`), or such a literal inside a `+` chain or a conditional.
 */
function rawLiterals(node: ts.Expression): ts.Expression[] {
  const expression = skipParentheses(node);
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return hasWords(expression.text) ? [expression] : [];
  if (ts.isTemplateExpression(expression)) {
    const literal = [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join(' ');
    return hasWords(literal) ? [expression] : [];
  }
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) return [...rawLiterals(expression.left), ...rawLiterals(expression.right)];
  if (ts.isConditionalExpression(expression)) return [...rawLiterals(expression.whenTrue), ...rawLiterals(expression.whenFalse)];
  return [];
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let expression = node;
  while (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression)) expression = expression.expression;
  return expression;
}

/** Letters that are words: two in a row outside codicons (`$(check)`), `--flags`, code fences (```json) and the CLI's name. */
function hasWords(text: string): boolean {
  return /\p{L}{2}/u.test(text.replace(/\$\([\w~-]+\)|--[\w-]+|```\w*|\bhighlight-task\b/g, ''));
}

function propertyNamed(object: ts.ObjectLiteralExpression, name: string): ts.PropertyAssignment | undefined {
  return object.properties.find(
    (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === name,
  );
}

/** Whether a `super(…)` call is in a class that extends an error, so its first argument is the message. */
function extendsError(node: ts.Node): boolean {
  let parent = node.parent;
  while (parent && !ts.isClassLike(parent)) parent = parent.parent;
  return !!parent?.heritageClauses?.some((clause) => clause.types.some((type) => /Error$/.test(type.expression.getText())));
}

/** `t('…')`, `vscode.l10n.t('…')`, `l10n.t('…')`. */
function isTranslation(node: ts.Expression): boolean {
  const expression = skipParentheses(node);
  if (!ts.isCallExpression(expression)) return false;
  const callee = expression.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 't' && /(?:^|\.)l10n$/.test(callee.expression.getText());
}

function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The raw texts of one source file. */
export function rawTextsOf(file: string, text: string, options: { readonly messages: boolean; readonly cli: boolean; readonly client: boolean }): RawText[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  // By position: a literal seen by two rules (a modal's `detail:`) is reported once, in the order of the file.
  const found = new Map<number, RawText>();
  const report = (node: ts.Expression, use: string): void => {
    for (const literal of rawLiterals(node)) {
      const start = literal.getStart();
      if (!found.has(start)) found.set(start, { file, line: source.getLineAndCharacterOfPosition(start).line + 1, text: literal.getText().slice(1, -1), use });
    }
  };
  // A function given t(…) at an argument in one call takes a text there: a raw literal there in another call is one.
  const translated = new Map<string, Set<number>>();
  const calls: ts.CallExpression[] = [];
  const collect = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      calls.push(node);
      node.arguments.forEach((argument, i) => {
        if (isTranslation(argument)) {
          const key = node.expression.getText();
          translated.set(key, (translated.get(key) ?? new Set()).add(i));
        }
      });
    }
    ts.forEachChild(node, collect);
  };
  collect(source);
  for (const call of calls) {
    const positions = translated.get(call.expression.getText());
    if (!positions) continue;
    call.arguments.forEach((argument, i) => {
      if (positions.has(i)) report(argument, `argument ${i + 1} of ${call.expression.getText()}(…), translated elsewhere`);
    });
  }
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      if (name && SHOW_MESSAGE.test(name)) {
        const [message, ...rest] = node.arguments;
        if (message) report(message, name);
        for (const argument of rest) {
          // `{ modal: true, detail: … }`, then the buttons.
          if (ts.isObjectLiteralExpression(argument)) {
            const detail = propertyNamed(argument, 'detail');
            if (detail) report(detail.initializer, `${name} detail`);
          } else report(argument, `${name} button`);
        }
      } else if (name === 'withProgress') {
        const [options] = node.arguments;
        const title = options && ts.isObjectLiteralExpression(options) ? propertyNamed(options, 'title') : undefined;
        if (title) report(title.initializer, 'withProgress title');
      } else if (options.cli && name === 'stderr' && node.arguments[0]) report(node.arguments[0], 'stderr');
      else if (node.expression.kind === ts.SyntaxKind.SuperKeyword && node.arguments[0] && extendsError(node)) report(node.arguments[0], 'super');
    } else if (ts.isNewExpression(node) && /.Error$/.test(calleeName(node) ?? '') && node.arguments?.[0]) {
      // `new UsageError(…)`, `new RequestBuildError(…)`: errors of our own are shown. A bare `new Error(…)` is a bug's.
      report(node.arguments[0], `new ${calleeName(node)}`);
    } else if (ts.isObjectLiteralExpression(node)) {
      if (options.client) {
        for (const name of CLIENT_TEXT_PROPERTIES) {
          const property = propertyNamed(node, name);
          if (property) report(property.initializer, `${name}:`);
        }
      } else {
        // A Command (`{ title, command }`), as given to a CodeLens, a status item or a tree item.
        const title = propertyNamed(node, 'title');
        if (title && propertyNamed(node, 'command')) report(title.initializer, 'Command title');
      }
      const message = options.messages ? propertyNamed(node, 'message') : undefined;
      if (message) report(message.initializer, 'message:');
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && TEXT_VARIABLES.has(node.name.text) && node.initializer) {
      report(node.initializer, `const ${node.name.text}`);
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      ITEM_TEXT_PROPERTIES.has(node.left.name.text)
    ) {
      // `item.text = …`, `item.detail = …` of a StatusBarItem or LanguageStatusItem.
      report(node.right, `.${node.left.name.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found.entries()].sort(([a], [b]) => a - b).map(([, raw]) => raw);
}

/** Every raw user-visible text of the shipped sources that is not allowed on purpose. */
export function rawTextProblems(root: string, roots: readonly string[] = SOURCE_ROOTS, allowed: readonly AllowedRawText[] = ALLOWED_RAW_TEXTS): string[] {
  const problems: string[] = [];
  const used = new Set<AllowedRawText>();
  for (const dir of roots) {
    for (const file of sourceFiles(root, dir)) {
      const where = relative(root, join(root, file));
      const messages = MESSAGE_ROOTS.some((r) => where.startsWith(`${r}/`));
      const cli = where.startsWith(`${CLI_ROOT}/`);
      const client = where.startsWith(`${CLIENT_ROOT}/`);
      for (const raw of rawTextsOf(where, readFileSync(join(root, file), 'utf8'), { messages, cli, client })) {
        const allowance = allowed.find((a) => a.file === raw.file && a.text === raw.text);
        if (allowance) used.add(allowance);
        else problems.push(`${raw.file}:${raw.line}: ${raw.use} is not translated: wrap "${raw.text}" in t(…) / vscode.l10n.t(…), or allow it in scripts/l10n/rawTexts.ts`);
      }
    }
  }
  // An allowance that matches nothing would silently let the next raw text with its wording through.
  for (const allowance of allowed) {
    if (!used.has(allowance) && roots.some((dir) => allowance.file.startsWith(`${dir}/`))) {
      problems.push(`scripts/l10n/rawTexts.ts: the allowed text "${allowance.text}" is no longer in ${allowance.file}; remove it from ALLOWED_RAW_TEXTS`);
    }
  }
  return problems;
}
