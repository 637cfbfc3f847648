// The storyboard webview's script (loaded by client/src/storyboard/html.ts with a nonce). It draws what the extension
// sends (client/src/storyboard/protocol.ts: positions in seconds, texts already translated) with DOM nodes and
// textContent only, keeps its zoom and scroll in the webview state across redraws and reloads, and reports clicks
// and what it drew back to the extension. No inline handlers, nothing fetched but the thumbnails' images.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const root = document.getElementById('storyboard');
  const ROWS = ['clips', 'transitions', 'music', 'sources', 'reel'];
  const MIN_ZOOM = 0.25;
  const MAX_ZOOM = 16;
  /** Room left of the first second for the row labels. */
  const GUTTER = 88;

  /** What survives a redraw and a reload of the page: zoom, scroll, the focused element. */
  let state = Object.assign({ zoom: 1, scrollLeft: 0, scrollTop: 0, focusedId: null }, vscode.getState() || {});
  let current = null;
  let highlighted = [];

  const save = () => vscode.setState(state);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Pixels per second: the whole reel fits the width at zoom 1. */
  function scale(view, width) {
    const fit = Math.max(1, width - GUTTER - 24) / Math.max(1, view.extentSeconds);
    return fit * state.zoom;
  }

  /** A tick every 1, 2, 5, 10, … seconds, whichever keeps labels at least 60 px apart. */
  function tickStep(pxPerSecond) {
    const steps = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600];
    return steps.find((s) => s * pxPerSecond >= 60) || 3600;
  }

  function formatSeconds(seconds) {
    return Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
  }

  function toolbar(strings) {
    const bar = el('div', 'toolbar');
    bar.setAttribute('role', 'toolbar');
    const button = (label, text, action) => {
      const b = el('button', 'zoom', text);
      b.type = 'button';
      b.setAttribute('aria-label', label);
      b.title = label;
      b.addEventListener('click', action);
      bar.appendChild(b);
    };
    button(strings.zoomOut, '−', () => zoomTo(state.zoom / 1.5));
    button(strings.zoomReset, '1:1', () => zoomTo(1));
    button(strings.zoomIn, '+', () => zoomTo(state.zoom * 1.5));
    const help = el('span', 'help', strings.keyboardHelp);
    bar.appendChild(help);
    return bar;
  }

  function zoomTo(zoom) {
    const timeline = root.querySelector('.timeline');
    // Keeps the second at the middle of the visible part where it is.
    const middle = timeline ? (timeline.scrollLeft + timeline.clientWidth / 2 - GUTTER) / state.zoom : 0;
    state.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    if (timeline) state.scrollLeft = Math.max(0, middle * state.zoom + GUTTER - timeline.clientWidth / 2);
    save();
    draw();
  }

  function elementNode(element, pxPerSecond) {
    const node = el('div', `element ${element.kind}`);
    node.dataset.id = element.id;
    node.tabIndex = 0;
    node.setAttribute('role', 'button');
    node.setAttribute('aria-label', element.accessibleName);
    node.title = element.accessibleName;
    if (!element.lengthKnown) node.classList.add('unknown');
    if (element.dropped) node.classList.add('dropped');
    if (element.pastCut) node.classList.add('past-cut');
    if (element.problem) node.classList.add('problem', `problem-${element.problem}`);
    if (highlighted.includes(element.id)) node.classList.add('highlighted');
    node.style.left = `${GUTTER + element.startSeconds * pxPerSecond}px`;
    node.style.width = `${Math.max(6, element.lengthSeconds * pxPerSecond)}px`;
    if (element.imageUrl) {
      const img = el('img', 'thumbnail');
      img.alt = '';
      img.src = element.imageUrl;
      node.appendChild(img);
    }
    const text = el('div', 'text');
    text.appendChild(el('div', 'title', element.title));
    for (const line of element.details) text.appendChild(el('div', 'detail', line));
    for (const problem of element.problems) text.appendChild(el('div', 'problem-text', problem));
    node.appendChild(text);
    return node;
  }

  function draw() {
    if (!current) return;
    const { view, strings } = current;
    const previous = root.querySelector('.timeline');
    if (previous) {
      state.scrollLeft = previous.scrollLeft;
      state.scrollTop = previous.scrollTop;
    }
    const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.id : undefined;
    if (focused) state.focusedId = focused;
    root.replaceChildren();
    const header = el('header', 'header');
    header.appendChild(el('h1', 'job', view.title));
    header.appendChild(el('p', 'summary', view.summary));
    if (view.note) header.appendChild(el('p', 'note', view.note));
    root.appendChild(header);
    if (view.empty) {
      root.appendChild(el('p', 'empty', view.empty));
      vscode.postMessage({ type: 'drawn', ids: [], titles: [], images: [] });
      return;
    }
    root.appendChild(toolbar(strings));

    const timeline = el('div', 'timeline');
    const pxPerSecond = scale(view, root.clientWidth || window.innerWidth);
    const width = GUTTER + view.extentSeconds * pxPerSecond + 24;
    const canvas = el('div', 'canvas');
    canvas.style.width = `${width}px`;

    const ruler = el('div', 'ruler');
    ruler.setAttribute('aria-hidden', 'true');
    ruler.appendChild(el('span', 'row-label', strings.seconds));
    const step = tickStep(pxPerSecond);
    for (let at = 0; at <= view.extentSeconds + 1e-9; at += step) {
      const tick = el('span', 'tick', formatSeconds(at));
      tick.style.left = `${GUTTER + at * pxPerSecond}px`;
      ruler.appendChild(tick);
    }
    canvas.appendChild(ruler);

    const drawn = [];
    for (const row of ROWS) {
      const elements = view.elements.filter((e) => e.row === row);
      if (!elements.length) continue;
      const line = el('div', `row row-${row}`);
      line.setAttribute('role', 'group');
      line.setAttribute('aria-label', strings.rows[row]);
      line.appendChild(el('span', 'row-label', strings.rows[row]));
      for (const element of elements) {
        line.appendChild(elementNode(element, pxPerSecond));
        drawn.push(element);
      }
      canvas.appendChild(line);
    }

    if (view.cutSeconds !== null) {
      const shade = el('div', 'past-cut-shade');
      shade.setAttribute('aria-hidden', 'true');
      shade.style.left = `${GUTTER + view.cutSeconds * pxPerSecond}px`;
      shade.style.width = `${Math.max(0, (view.extentSeconds - view.cutSeconds) * pxPerSecond + 24)}px`;
      canvas.appendChild(shade);
      const cut = el('div', 'marker cut');
      cut.setAttribute('aria-hidden', 'true');
      cut.style.left = `${GUTTER + view.cutSeconds * pxPerSecond}px`;
      cut.appendChild(el('span', 'marker-label', strings.cut));
      canvas.appendChild(cut);
    }
    if (view.outputSeconds !== null) {
      const end = el('div', 'marker output-end');
      end.setAttribute('aria-hidden', 'true');
      end.style.left = `${GUTTER + view.outputSeconds * pxPerSecond}px`;
      end.appendChild(el('span', 'marker-label', strings.output));
      canvas.appendChild(end);
    }

    timeline.appendChild(canvas);
    root.appendChild(timeline);
    timeline.scrollLeft = state.scrollLeft;
    timeline.scrollTop = state.scrollTop;
    timeline.addEventListener('scroll', () => {
      state.scrollLeft = timeline.scrollLeft;
      state.scrollTop = timeline.scrollTop;
      save();
    });
    timeline.addEventListener(
      'wheel',
      (event) => {
        if (!event.ctrlKey) return;
        event.preventDefault();
        zoomTo(state.zoom * (event.deltaY < 0 ? 1.25 : 0.8));
      },
      { passive: false },
    );
    if (state.focusedId) {
      const again = canvas.querySelector(`[data-id="${CSS.escape(state.focusedId)}"]`);
      if (again && document.hasFocus()) again.focus({ preventScroll: true });
    }
    save();
    vscode.postMessage({
      type: 'drawn',
      ids: drawn.map((e) => e.id),
      titles: drawn.map((e) => e.title),
      images: drawn.filter((e) => e.imageUrl).map((e) => e.id),
    });
  }

  /** The element to go to from `node` with an arrow key: along its row, or the nearest one in the row above or below. */
  function neighbour(node, key) {
    const all = Array.from(root.querySelectorAll('.element'));
    const sameRow = Array.from(node.parentElement.querySelectorAll('.element'));
    const index = sameRow.indexOf(node);
    if (key === 'ArrowLeft') return sameRow[index - 1];
    if (key === 'ArrowRight') return sameRow[index + 1];
    if (key === 'Home') return sameRow[0];
    if (key === 'End') return sameRow[sameRow.length - 1];
    const rows = Array.from(root.querySelectorAll('.row'));
    const rowIndex = rows.indexOf(node.parentElement);
    const target = rows[rowIndex + (key === 'ArrowDown' ? 1 : -1)];
    if (!target) return undefined;
    const x = node.offsetLeft + node.offsetWidth / 2;
    let best;
    for (const candidate of all.filter((c) => c.parentElement === target)) {
      const distance = Math.abs(candidate.offsetLeft + candidate.offsetWidth / 2 - x);
      if (!best || distance < best.distance) best = { node: candidate, distance };
    }
    return best && best.node;
  }

  root.addEventListener('click', (event) => {
    const node = event.target.closest('.element');
    if (node) vscode.postMessage({ type: 'reveal', id: node.dataset.id });
  });
  root.addEventListener('keydown', (event) => {
    const node = event.target.closest && event.target.closest('.element');
    if (!node) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      vscode.postMessage({ type: 'reveal', id: node.dataset.id });
      return;
    }
    if (['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(event.key)) {
      const next = neighbour(node, event.key);
      if (next) {
        event.preventDefault();
        next.focus();
        next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    }
  });
  root.addEventListener('focusin', (event) => {
    const id = event.target.dataset && event.target.dataset.id;
    if (id) {
      state.focusedId = id;
      save();
    }
  });

  function highlight(ids) {
    highlighted = Array.isArray(ids) ? ids : [];
    for (const node of root.querySelectorAll('.element.highlighted')) node.classList.remove('highlighted');
    let first;
    for (const id of highlighted) {
      const node = root.querySelector(`.element[data-id="${CSS.escape(id)}"]`);
      if (!node) continue;
      node.classList.add('highlighted');
      first = first || node;
    }
    if (first) first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(draw, 100);
  });

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'view') {
      current = { view: message.view, strings: message.strings };
      draw();
    } else if (message.type === 'highlight') {
      highlight(message.ids);
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
