/**
 * The storyboard in VS Code: Show Storyboard (editor title, context menu, a CodeLens on `Sources`), the panel beside
 * the job, and the state command the tests read it through. The same on the desktop and the web; the desktop adds
 * media facts from the cloud checks and, when the user turns them on, thumbnails.
 */
import * as vscode from 'vscode';
import { Commands } from '../commandIds';
import { documentSelector } from '../documentSelector';
import { isJobTextDocument, jobDocument } from '../jobDocument';
import { notify } from '../notify';
import { buildStoryboard } from './build';
import { StoryboardCodeLens } from './codeLens';
import type { StoryboardInput } from './content';
import type { MediaFactsSource } from './mediaFacts';
import { STORYBOARD_VIEW_TYPE, StoryboardPanel, type StoryboardState } from './panel';
import { fromWebview } from './protocol';

export { STORYBOARD_VIEW_TYPE } from './panel';

/** Thumbnails as the panel uses them (thumbnails.ts on the desktop; none on the web). */
export interface ThumbnailSource {
  imageOf(scope: vscode.Uri | undefined, ossUri: string, startSeconds: number): string | undefined;
  origins(scope: vscode.Uri | undefined): readonly string[];
  readonly onDidChange: vscode.Event<void>;
}

export interface StoryboardDeps {
  readonly media: MediaFactsSource;
  readonly thumbnails?: ThumbnailSource;
}

/** VS Code's diagnostics as LSP ones (severity Error 0 … Hint 3 becomes 1 … 4), for the core's problemsOn. */
function problemsOf(document: vscode.TextDocument): StoryboardInput['problems'] {
  return vscode.languages.getDiagnostics(document.uri).map((d) => ({
    range: { start: { line: d.range.start.line, character: d.range.start.character }, end: { line: d.range.end.line, character: d.range.end.character } },
    message: d.message,
    severity: (d.severity + 1) as 1 | 2 | 3 | 4,
  }));
}

export function registerStoryboard(context: vscode.ExtensionContext, deps: StoryboardDeps): vscode.Disposable {
  const thumbnails = deps.thumbnails;
  const changed = new vscode.EventEmitter<void>();
  const panel = new StoryboardPanel(context.extensionUri, buildStoryboard, {
    inputFor: (document) => ({
      problems: problemsOf(document),
      mediaFacts: (uri) => deps.media.factsOf(document, uri),
      imageOf: (uri, startSeconds) => thumbnails?.imageOf(document.uri, uri, startSeconds),
    }),
    onDidChange: changed.event,
    imageOrigins: (document) => thumbnails?.origins(document.uri) ?? [],
  });
  const lens = new StoryboardCodeLens(deps.media);
  return vscode.Disposable.from(
    changed,
    panel,
    lens,
    deps.media.onDidChange(() => changed.fire()),
    ...(thumbnails ? [thumbnails.onDidChange(() => changed.fire())] : []),
    vscode.commands.registerCommand(Commands.showStoryboard, async (arg?: unknown): Promise<boolean> => {
      const document = await jobDocument(arg);
      if (!document) {
        void notify.info(vscode.l10n.t('IMM Highlight: open a job file (*.highlight.yaml) to see its storyboard.'));
        return false;
      }
      panel.show(document);
      return true;
    }),
    vscode.commands.registerCommand(Commands.storyboardState, async (arg?: { message?: unknown }): Promise<StoryboardState & { handled?: boolean }> => {
      const message = arg?.message === undefined ? undefined : fromWebview(arg.message);
      const handled = message ? await panel.receive(message) : undefined;
      return { ...panel.state(), ...(handled === undefined ? {} : { handled }) };
    }),
    vscode.languages.registerCodeLensProvider(documentSelector, lens),
    vscode.window.registerWebviewPanelSerializer(STORYBOARD_VIEW_TYPE, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel) {
        // After a reload: the job shown beside it, if one is; else there is nothing to draw and the panel goes.
        const document = vscode.window.visibleTextEditors.map((e) => e.document).find(isJobTextDocument);
        if (document) panel.adopt(restored, document);
        else restored.dispose();
      },
    }),
  );
}
