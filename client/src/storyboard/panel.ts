/**
 * The storyboard beside the job: one webview panel that follows the active job editor, redraws from the text on
 * each change (the language core's layout, no network), keeps the page (and with it its zoom and scroll) across
 * redraws by posting the drawing instead of reloading the HTML, reveals an entry on a click and highlights the
 * entry under the cursor.
 */
import * as vscode from 'vscode';
import { isJobTextDocument } from '../jobDocument';
import { storyboardHtml } from './html';
import { fromWebview, type FromWebview, type StoryboardView, type ToWebview } from './protocol';
import { storyboardStrings } from './strings';
import type { EntryRange, StoryboardContent, StoryboardInput } from './content';

export const STORYBOARD_VIEW_TYPE = 'immHighlight.storyboard';
/** Edits closer together than this make one redraw: a held key does not queue a layout per character. */
const REDRAW_DELAY_MS = 60;

/** What the panel needs besides the text, each read when it draws. */
export interface StoryboardInputs {
  /** Everything but the text: the diagnostics, the media facts, the thumbnails. */
  readonly inputFor: (document: vscode.TextDocument) => Omit<StoryboardInput, 'text' | 'fileName'>;
  /** Fires when something of inputFor changed (new media facts, a thumbnail URL, the setting). */
  readonly onDidChange: vscode.Event<void>;
  /** Origins the page may load images from (thumbnails on), else empty: part of its Content-Security-Policy. */
  readonly imageOrigins: (document: vscode.TextDocument) => readonly string[];
}

/** What the state command returns: what the panel sent and what the page said it drew. */
export interface StoryboardState {
  readonly open: boolean;
  readonly visible: boolean;
  readonly document: string | undefined;
  readonly view: StoryboardView | undefined;
  readonly drawn: { readonly ids: readonly string[]; readonly titles: readonly string[]; readonly images: readonly string[] } | undefined;
  readonly highlighted: readonly string[];
  readonly html: string | undefined;
  /** How many views were posted to the page: a redraw is a new one. */
  readonly posts: number;
}

const nonce = (): string => {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
};

/** The view without its presigned URLs (a credential while they live): other extensions can run the state command too. */
function redacted(view: StoryboardView): StoryboardView {
  return {
    ...view,
    elements: view.elements.map(({ imageUrl, ...element }) => (imageUrl ? { ...element, imageUrl: `${new URL(imageUrl).origin}/…` } : element)),
  };
}

const fileName = (uri: vscode.Uri): string => uri.path.slice(uri.path.lastIndexOf('/') + 1);

const toRange = (range: EntryRange): vscode.Range => new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);

export class StoryboardPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private content: StoryboardContent | undefined;
  private drawn: StoryboardState['drawn'];
  private highlighted: readonly string[] = [];
  private imageOrigins = '';
  private posts = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly drawnEmitter = new vscode.EventEmitter<void>();
  /** Fires when the page reports what it drew. */
  readonly onDidDraw = this.drawnEmitter.event;
  private readonly listeners: vscode.Disposable[];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly build: (input: StoryboardInput) => StoryboardContent,
    private readonly inputs: StoryboardInputs,
  ) {
    this.listeners = [
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isJobTextDocument(editor.document) && editor.document !== this.document) this.follow(editor.document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document === this.document && event.contentChanges.length > 0) this.scheduleRedraw();
      }),
      vscode.window.onDidChangeTextEditorSelection((event) => {
        if (event.textEditor.document === this.document) this.highlightAt(event.selections[0]?.active);
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const uri = this.document?.uri.toString();
        if (uri && event.uris.some((u) => u.toString() === uri)) this.scheduleRedraw();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // Left as it was drawn: the page says nothing new until another job editor becomes active.
        if (document === this.document) this.document = undefined;
      }),
      inputs.onDidChange(() => this.scheduleRedraw()),
    ];
  }

  /** Opens the storyboard of `document` beside it (or moves the open one to it), without taking the focus. */
  show(document: vscode.TextDocument): vscode.WebviewPanel {
    if (!this.panel) {
      const panel = vscode.window.createWebviewPanel(
        STORYBOARD_VIEW_TYPE,
        this.titleFor(document),
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media', 'storyboard')] },
      );
      this.adopt(panel);
    } else {
      this.panel.reveal(undefined, true);
    }
    this.follow(document);
    return this.panel!;
  }

  /** A panel VS Code restored after a reload (the serializer): it shows the active job, or waits for one. */
  adopt(panel: vscode.WebviewPanel, document?: vscode.TextDocument): void {
    this.panel = panel;
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media', 'storyboard')] };
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'images', 'icon.png');
    panel.webview.onDidReceiveMessage((message: unknown) => {
      const parsed = fromWebview(message);
      if (parsed) void this.receive(parsed);
    });
    panel.onDidChangeViewState(() => {
      // Edits while hidden were not drawn: catch up once it shows.
      if (panel.visible) this.redraw();
    });
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      this.content = undefined;
      this.drawn = undefined;
      this.imageOrigins = '';
    });
    this.imageOrigins = '';
    if (document) this.follow(document);
  }

  private follow(document: vscode.TextDocument): void {
    this.document = document;
    if (this.panel) this.panel.title = this.titleFor(document);
    this.redraw();
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    this.highlightAt(editor?.selection.active);
  }

  private titleFor(document: vscode.TextDocument): string {
    return vscode.l10n.t('Storyboard: {0}', fileName(document.uri));
  }

  private scheduleRedraw(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.redraw();
    }, REDRAW_DELAY_MS);
  }

  /** Lays the job out again and posts it; the page keeps its zoom and scroll. Only the page's HTML shell is ever reloaded, and only when its policy must change. */
  private redraw(): void {
    const panel = this.panel;
    const document = this.document;
    if (!panel || !document || !panel.visible) return;
    const origins = this.inputs.imageOrigins(document);
    const originsKey = origins.join(' ');
    if (!panel.webview.html || originsKey !== this.imageOrigins) {
      this.imageOrigins = originsKey;
      // The page asks for the drawing once its script runs ('ready').
      panel.webview.html = this.html(panel.webview, origins);
    }
    this.content = this.build({ text: document.getText(), fileName: fileName(document.uri), ...this.inputs.inputFor(document) });
    this.post({ type: 'view', view: this.content.view, strings: storyboardStrings() });
    this.post({ type: 'highlight', ids: this.highlighted });
  }

  private html(webview: vscode.Webview, imageOrigins: readonly string[]): string {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media', 'storyboard');
    return storyboardHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'storyboard.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'storyboard.css')).toString(),
      nonce: nonce(),
      imageOrigins,
      language: vscode.env.language,
      title: vscode.l10n.t('Storyboard'),
    });
  }

  private post(message: ToWebview): void {
    if (message.type === 'view') this.posts++;
    void this.panel?.webview.postMessage(message);
  }

  private highlightAt(position: vscode.Position | undefined): void {
    const ids = position && this.content ? this.elementsAt(position) : [];
    if (ids.join('\n') === this.highlighted.join('\n')) return;
    this.highlighted = ids;
    this.post({ type: 'highlight', ids });
  }

  /** The elements of the innermost entry under the cursor (a transition drawn at each join it lands on shares one). */
  private elementsAt(position: vscode.Position): string[] {
    let best: vscode.Range | undefined;
    for (const entry of this.content?.ranges.values() ?? []) {
      const range = toRange(entry);
      if (range.contains(position) && (!best || best.contains(range))) best = range;
    }
    if (!best) return [];
    return [...(this.content?.ranges ?? [])].filter(([, entry]) => toRange(entry).isEqual(best)).map(([id]) => id);
  }

  /** A message of the page; the state command passes one in as the page would (the tests' click). */
  async receive(message: FromWebview): Promise<boolean> {
    switch (message.type) {
      case 'ready':
        this.redraw();
        return true;
      case 'drawn':
        this.drawn = { ids: message.ids, titles: message.titles, images: message.images };
        this.drawnEmitter.fire();
        return true;
      case 'reveal':
        return this.reveal(message.id);
    }
  }

  /** Selects the element's entry in the job's editor (opening it beside the storyboard if it was closed). */
  private async reveal(id: string): Promise<boolean> {
    const entry = this.content?.ranges.get(id);
    const document = this.document;
    if (!entry || !document) return false;
    const range = toRange(entry);
    const open = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: open?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
    });
    // The cursor at the entry's start, the whole entry selected: the line numbers name where it begins.
    editor.selection = new vscode.Selection(range.end, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  state(): StoryboardState {
    return {
      open: this.panel !== undefined,
      visible: this.panel?.visible ?? false,
      document: this.document?.uri.toString(),
      view: this.content && redacted(this.content.view),
      drawn: this.drawn,
      highlighted: this.highlighted,
      html: this.panel?.webview.html,
      posts: this.posts,
    };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const listener of this.listeners) listener.dispose();
    this.panel?.dispose();
    this.drawnEmitter.dispose();
  }
}
