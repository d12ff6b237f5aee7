#!/usr/bin/python3
"""Run Apricot notebooks headlessly through an installed kernel, and check figures in a browser.

    notebooks.py run [--kernel apricot] [--cell-timeout 600] [--out DIR] NOTEBOOK...
        Executes each notebook with Apricot's one notebook driver (the grader's,
        src/main/resources/io/github/apricotcourse/grade/execute_notebook.py, on nbclient), each in
        its own folder as working directory; stops a notebook at its first cell that fails, prints
        each notebook's time, and ends with "Notebooks: N passed, M failed". Exit status 1 if any
        failed. With --out, executed copies are written there (same file names; each cell's
        metadata has its timestamps and the driver's status).

    notebooks.py bench-kernel [--kernel apricot] [--runs 3] [LESSON...]
        Prints the kernel's figures: time from start to the first cell's result (and the kernel's
        CPU time by then), resident memory of the idle kernel, and end-to-end time of a two-cell notebook (median of the runs); then
        runs each lesson once (default: notebooks/*.ipynb) and prints its peak kernel resident
        memory (the kernel process's VmHWM, read after every cell).

    notebooks.py browser-check EXECUTED_NOTEBOOK
        Exports the notebook to HTML with nbconvert and loads it in headless Chromium, with no
        network; passes only if a plotly figure drew its SVG (svg.main-svg). If the notebook has
        slider figures (viz.SliderFigure), a script added to the page presses the mouse on the
        right end of each slider's rail, as a user would, and the check passes only if the slider
        moved to its last step and the figure's data changed. If it has neighbour explorers
        (viz.Explorer), a script types a word into each search box and switches the view, and
        the check passes only if the neighbour list, the highlighted word and the figure changed.

    notebooks.py live-check NOTEBOOK
        Starts the classic Notebook (`jupyter notebook --no-browser`, a free port, a random token)
        on a copy of the notebook, opens it in headless Chromium (driven over the DevTools
        protocol), runs all cells through the kernel, then presses the mouse on each slider's
        rail and types a word, key by key, into each neighbour explorer's search box. Passes only
        if every slider figure's data and every explorer's neighbour list and figure changed, and
        the typed keys did not reach the Notebook as shortcuts (the cell count stays the same).

    notebooks.py mark-slides NOTEBOOK...
        Gives every cell that has none a slide type (metadata.slideshow.slide_type) for
        `src/bin/apricot slides`: a "# " or "## " heading starts a slide; a "### " heading, an
        instructor's note (metadata.apricot.instructor_note) or prose after code a sub-slide;
        any other cell continues the slide it is on. Types already set are kept; the notebooks are rewritten in place.

    notebooks.py slides-check DECK.slides.html
        Loads a deck written by `src/bin/apricot slides` in headless Chromium with no network;
        passes only if reveal.js started (div.reveal.ready), the deck has more than one slide, and
        every plotly figure in it drew its SVG.

Uses Debian's python3 packages (python3-nbclient, jupyter-nbconvert); kernels are found on
JUPYTER_PATH as usual.
"""
import argparse
import glob
import html as html_module
import json
import os
import re
import statistics
import shutil
import subprocess
import sys
import tempfile
import time

import nbformat
from nbclient.exceptions import CellExecutionError

# The repository (this file is src/bin/notebooks.py), for the lessons in notebooks/ and the driver.
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Apricot's one notebook driver, the grader's too (it travels in the jar as a resource).
sys.path.insert(0, os.path.join(REPO, "src", "main", "resources", "io", "github", "apricotcourse", "grade"))
import execute_notebook as driver  # noqa: E402


class NotebookFailed(Exception):
    """A notebook stopped at a cell that failed; the message says which cell and how."""


def execute_notebook(path, kernel_name="apricot", cell_timeout=600):
    """Executes the notebook at `path` in its own folder through the driver, stopping at the first
    cell that fails; returns the executed notebook (its metadata.apricot.kernel_peak_memory_mb is the
    kernel's peak resident memory). Raises NotebookFailed if a cell raised an error, ran longer than
    `cell_timeout` seconds or killed the kernel, or if the kernel did not start.
    """
    nb = nbformat.read(path, as_version=4)
    driver.execute(nb, kernel_name, os.path.dirname(os.path.abspath(path)), cell_timeout, stop_at_error=True)
    for index, cell in enumerate(nb.cells):
        if driver.failed(cell):
            raise NotebookFailed(failure(cell, index, cell_timeout))
    return nb


def failure(cell, index, cell_timeout):
    """What went wrong in a cell the driver marked as failed."""
    status = driver.status(cell)
    where = f"cell {index}"
    if status == "error":
        error = next((o for o in cell.outputs if o.get("output_type") == "error"), {})
        return f"{where} raised an error:\n" + indent(str(CellExecutionError.from_cell_and_msg(cell, error)))
    if status == "timeout":
        return f"{where} ran longer than {cell_timeout} s"
    if status == "died":
        return f"the kernel died in {where}"
    return f"{where} was {status} (the kernel did not start, or died at once)"


def first_line(text):
    text = str(text).strip()
    return text.splitlines()[0] if text else ""


def run(args):
    if not args.notebooks:
        print("Notebooks: none given (nothing to run).")
        return 0
    if args.out:
        os.makedirs(args.out, exist_ok=True)
    passed, failed = 0, []
    for path in args.notebooks:
        start = time.monotonic()
        try:
            nb = execute_notebook(path, args.kernel, args.cell_timeout)
        except NotebookFailed as e:
            failed.append(path)
            print(f"FAIL {path} ({time.monotonic() - start:.1f} s): {e}")
            continue
        passed += 1
        print(f"ok   {path} ({time.monotonic() - start:.1f} s, {len(nb.cells)} cells)")
        if args.out:
            nbformat.write(nb, os.path.join(args.out, os.path.basename(path)))
    print(f"Notebooks: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


def indent(text, prefix="    "):
    return "\n".join(prefix + line for line in text.splitlines())


REQUIRE_JS = ["/usr/share/javascript/requirejs/require.min.js",
              "/usr/share/javascript/requirejs/require.js"]


def browser_check(args):
    """Checks the HTML export as nbconvert writes it, and again with require.js loaded first,
    as in the classic Notebook (plotly.js must not get lost as an anonymous AMD module)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        print("Browser check: no chromium found. Fix: apt-get install chromium (src/bin/apricot test does this).")
        return 1
    with tempfile.TemporaryDirectory(prefix="apricot-browser-") as tmp:
        subprocess.run([sys.executable, "-m", "nbconvert", "--to", "html", "--log-level=WARN",
                        "--output-dir", tmp, "--output", "notebook", args.notebook], check=True)
        html = os.path.join(tmp, "notebook.html")
        pages = [("nbconvert HTML export", html)]
        require_js = next((p for p in REQUIRE_JS if os.path.exists(p)), None)
        if require_js:
            with open(html, encoding="utf-8") as f:
                page = f.read()
            with open(require_js, encoding="utf-8") as f:
                loader = f.read()
            with_require = os.path.join(tmp, "notebook-requirejs.html")
            with open(with_require, "w", encoding="utf-8") as f:
                f.write(page.replace("<head>", "<head><script>" + loader + "</script>", 1))
            pages.append(("same page with require.js loaded first", with_require))
        else:
            print("Browser check: require.js not found (apt-get install libjs-requirejs); checking without it only")
        failures = 0
        for label, path in pages:
            with open(path, encoding="utf-8") as f:
                page = f.read()
            sliders = page.count(SLIDER_FIGURE_CLASS)
            explorers = page.count(EXPLORER_CLASS)
            checks = (MOVE_SLIDERS_JS if sliders else "") + (SEARCH_EXPLORERS_JS if explorers else "")
            if checks:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(page.replace("</body>", "<script>" + checks + "</script></body>", 1))
            dom = draws_figure(chromium, path, os.path.join(tmp, "profile"), label, args.notebook)
            failures += dom is None or bool(sliders and not sliders_moved(dom, sliders, label, args.notebook)) \
                or bool(explorers and not explorers_searched(dom, explorers, label, args.notebook))
        return 1 if failures else 0


SLIDER_FIGURE_CLASS = 'class="apricot-figure apricot-slider-figure"'

# Added to the exported page when it holds slider figures: once plotly has drawn them, presses
# the mouse on the right end of each slider's rail (plotly's own handler moves the slider and
# animates to that step's frame), then writes what it saw into <pre id="apricot-slider-check">.
MOVE_SLIDERS_JS = r"""
(function () {
  var results = [], waited = 0;
  function report() {
    var pre = document.createElement('pre');
    pre.id = 'apricot-slider-check';
    pre.textContent = JSON.stringify(results);
    document.body.appendChild(pre);
  }
  function dataOf(gd) {
    return JSON.stringify(gd.data.map(function (t) { return [t.x, t.y]; }));
  }
  function move(figures, i) {
    if (i === figures.length) { report(); return; }
    var gd = figures[i];
    var rail = gd.querySelector('.slider-rail-touch-rect');
    var result = {figure: i, steps: gd.layout.sliders[0].steps.length, before: gd.layout.sliders[0].active};
    var before = dataOf(gd);
    var box = rail.getBoundingClientRect();
    var at = {bubbles: true, cancelable: true, view: window, button: 0, buttons: 1,
              clientX: box.right - 2, clientY: box.top + box.height / 2};
    rail.dispatchEvent(new MouseEvent('mousedown', at));
    rail.dispatchEvent(new MouseEvent('mouseup', at));
    var polls = 0;
    (function changed() {
      var after = dataOf(gd);
      if (after === before && ++polls < 200) { setTimeout(changed, 50); return; }
      result.after = gd.layout.sliders[0].active;
      result.dataChanged = after !== before;
      results.push(result);
      move(figures, i + 1);
    })();
  }
  (function whenDrawn() {
    var figures = Array.prototype.slice.call(document.querySelectorAll('.apricot-slider-figure'));
    var drawn = figures.every(function (gd) { return gd.querySelector('.slider-rail-touch-rect'); });
    if (!drawn) {
      if ((waited += 50) < 15000) { setTimeout(whenDrawn, 50); return; }
      results.push({error: 'not every slider figure was drawn within 15 s'});
      report();
      return;
    }
    move(figures, 0);
  })();
})();
"""


def sliders_moved(dom, expected, label, notebook):
    """True if the page's script moved all `expected` sliders to their last step and the data changed."""
    found = re.search(r'<pre id="apricot-slider-check">(.*?)</pre>', dom, re.S)
    if not found:
        print(f"Browser check: FAILED ({label}): the slider script of {notebook}'s export did not report")
        return False
    results = json.loads(html_module.unescape(found.group(1)))
    moved = [r for r in results if r.get("dataChanged") and r.get("before") == 0 and r.get("after") == r["steps"] - 1]
    if len(moved) != expected or len(results) != expected:
        print(f"Browser check: FAILED ({label}): {len(moved)} of {expected} slider figure(s) in {notebook} moved "
              f"to their last step with new data: {results}")
        return False
    print(f"Browser check: ok ({label}), pressed the mouse on each slider's rail: {expected} slider figure(s) "
          f"moved from step 0 to their last step (" + ", ".join(str(r["after"]) for r in results)
          + ") and their data changed")
    return True


EXPLORER_CLASS = 'class="apricot-explorer-search"'

# Added to the exported page when it holds neighbour explorers (viz.Explorer): once plotly has
# drawn each one, types its first neighbour into the search box (an "input" event, as typing
# sends), then switches the view to the last option (t-SNE), and writes what changed into
# <pre id="apricot-explorer-check">.
SEARCH_EXPLORERS_JS = r"""
(function () {
  var results = [], waited = 0;
  function report() {
    var pre = document.createElement('pre');
    pre.id = 'apricot-explorer-check';
    pre.textContent = JSON.stringify(results);
    document.body.appendChild(pre);
  }
  function state(explorer) {
    var gd = explorer.querySelector('.apricot-explorer-plot');
    return {list: Array.prototype.map.call(explorer.querySelectorAll('li'), function (li) { return li.textContent; }),
            word: gd.data[2].text.join(), neighbours: gd.data[1].text.join(), points: gd.data[0].x.length,
            type: gd.data[0].type};
  }
  function search(explorers, i) {
    if (i === explorers.length) { report(); return; }
    var explorer = explorers[i], box = explorer.querySelector('.apricot-explorer-search');
    var view = explorer.querySelector('.apricot-explorer-view');
    var before = state(explorer), word = before.list[0].replace(/ \(.*$/, '');
    box.focus();
    box.value = word;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    var searched = state(explorer);
    view.value = view.options[view.options.length - 1].value;
    view.dispatchEvent(new Event('change', {bubbles: true}));
    var switched = state(explorer);
    results.push({explorer: i, typed: word, before: before, searched: searched, switched: switched,
                  view: view.value});
    search(explorers, i + 1);
  }
  (function whenDrawn() {
    var explorers = Array.prototype.slice.call(document.querySelectorAll('.apricot-explorer'));
    var drawn = explorers.every(function (e) {
      var gd = e.querySelector('.apricot-explorer-plot');
      return gd && gd.querySelector('.main-svg') && gd.data && e.querySelectorAll('li').length > 0;
    });
    if (!drawn) {
      if ((waited += 50) < 15000) { setTimeout(whenDrawn, 50); return; }
      results.push({error: 'not every explorer was drawn within 15 s'});
      report();
      return;
    }
    search(explorers, 0);
  })();
})();
"""


def explorer_searched(result):
    """True if typing a word changed the neighbour list and the highlighted word, and the view switch redrew."""
    before, searched, switched = result["before"], result["searched"], result["switched"]
    return (searched["word"] == result["typed"] and searched["list"] != before["list"]
            and searched["neighbours"] != before["neighbours"] and len(searched["list"]) == len(before["list"])
            and (switched["points"] != searched["points"] or switched["type"] != searched["type"]))


def explorers_searched(dom, expected, label, notebook):
    """True if the page's script searched every explorer and its neighbour list and figure changed."""
    found = re.search(r'<pre id="apricot-explorer-check">(.*?)</pre>', dom, re.S)
    if not found:
        print(f"Browser check: FAILED ({label}): the explorer script of {notebook}'s export did not report")
        return False
    results = json.loads(html_module.unescape(found.group(1)))
    good = [r for r in results if "error" not in r and explorer_searched(r)]
    if len(good) != expected or len(results) != expected:
        print(f"Browser check: FAILED ({label}): {len(good)} of {expected} explorer(s) in {notebook} changed their "
              f"neighbour list and figure when searched: {json.dumps(results)[:2000]}")
        return False
    for r in results:
        print(f"Browser check: ok ({label}), typed '{r['typed']}' into explorer {r['explorer']}'s search box: its "
              f"neighbours went from [{', '.join(r['before']['list'][:3])}, …] to [{', '.join(r['searched']['list'][:3])}, …], "
              f"the figure highlights '{r['searched']['word']}'; view '{r['view']}' redrew {r['switched']['points']} points "
              f"(was {r['searched']['points']})")
    return True


def draws_figure(chromium, html, profile, label, notebook):
    """Loads `html` in headless Chromium with no network; the page's DOM if plotly drew svg.main-svg, else None."""
    command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               # No network at all: the figure must draw from what the page itself carries.
               "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
               f"--user-data-dir={profile}", "--virtual-time-budget=20000",
               "--enable-logging=stderr", "--v=1", "--dump-dom", "file://" + html]
    browser = subprocess.run(command, capture_output=True, text=True, timeout=180)
    console = [line.split("CONSOLE", 1)[1] for line in browser.stderr.splitlines() if ":CONSOLE" in line]
    figures = browser.stdout.count('class="main-svg"')
    size_mb = os.path.getsize(html) / 1e6
    if figures == 0:
        print(f"Browser check: FAILED ({label}): no plotly svg.main-svg in the DOM of {notebook}'s export "
              f"({size_mb:.1f} MB). The page's console said:")
        for line in console[:10] or ["(nothing)"]:
            print("    " + line[:300])
        return None
    print(f"Browser check: ok ({label}), Chromium drew {figures} plotly SVG layer(s) offline "
          f"from {notebook} ({size_mb:.1f} MB)")
    return browser.stdout


def slide_type(cell, previous):
    """The slide type `mark-slides` gives a cell after `previous` (None for the first cell)."""
    text = "".join(cell.get("source", "")).lstrip()
    if cell["cell_type"] == "markdown" and (text.startswith("# ") or text.startswith("## ")):
        return "slide"
    if cell.get("metadata", {}).get("apricot", {}).get("instructor_note") or (
            cell["cell_type"] == "markdown" and (text.startswith("### ") or (previous or {}).get("cell_type") == "code")):
        return "subslide"
    return "-"


def mark_slides(args):
    for path in args.notebooks:
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
        marked = 0
        for i, cell in enumerate(nb["cells"]):
            slideshow = cell.setdefault("metadata", {}).setdefault("slideshow", {})
            if "slide_type" not in slideshow:
                slideshow["slide_type"] = slide_type(cell, nb["cells"][i - 1] if i else None)
                marked += 1
        with open(path, "w", encoding="utf-8") as f:
            json.dump(nb, f, indent=1, ensure_ascii=False)
            f.write("\n")
        slides = sum(c["metadata"]["slideshow"]["slide_type"] in ("slide", "subslide") for c in nb["cells"])
        print(f"{path}: {marked} cell(s) marked; {slides} slides and sub-slides")
    return 0


def slides_check(args):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        print("Slides check: no chromium found. Fix: apt-get install chromium (src/bin/apricot test does this).")
        return 1
    with tempfile.TemporaryDirectory(prefix="apricot-slides-") as tmp:
        dom = draws_figure(chromium, os.path.abspath(args.deck), os.path.join(tmp, "profile"), "reveal.js deck", args.deck)
    if dom is None:
        return 1
    started = re.search(r'<div class="reveal [^"]*\bready\b', dom) is not None
    slides = len(re.findall(r"<section\b", dom))
    # The DOM after each figure's div, up to the next figure: a drawn figure has its svg.main-svg there.
    figures = dom.split('class="apricot-figure')[1:]
    drawn = sum('class="main-svg"' in after for after in figures)
    if not started or slides < 2 or not figures or drawn < len(figures):
        print(f"Slides check: FAILED: reveal.js started: {started}, {slides} <section>s (need 2 or more), "
              f"{drawn} of {len(figures)} figure(s) drawn in {args.deck}")
        return 1
    print(f"Slides check: ok, reveal.js started offline with {slides} slides (<section>s) and drew all "
          f"{drawn} figure(s) in {args.deck}")
    return 0


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, condition, seconds):
    """Polls `condition()` until it returns something true; raises TimeoutError naming `what`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    raise TimeoutError(f"{what} did not happen within {seconds} s")


class DevTools:
    """A minimal Chrome DevTools protocol client over tornado's websocket (tornado ships with Jupyter)."""

    def __init__(self, url):
        from tornado.ioloop import IOLoop
        from tornado.websocket import websocket_connect
        self.loop = IOLoop()
        self.ws = self.loop.run_sync(lambda: websocket_connect(url, max_message_size=256 * 1024 * 1024))
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        ident = self.next_id
        self.ws.write_message(json.dumps({"id": ident, "method": method, "params": params}))
        while True:
            message = self.loop.run_sync(self.ws.read_message, timeout=120)
            if message is None:
                raise ConnectionError("Chromium closed the DevTools connection")
            reply = json.loads(message)
            if reply.get("id") == ident:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply["result"]

    def evaluate(self, expression):
        """The value of a JavaScript expression in the page (promises are awaited)."""
        result = self.call("Runtime.evaluate", expression=expression, awaitPromise=True, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"the page's JavaScript failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def type_text(self, text):
        """Types `text` key by key, as a user would (keydown, keypress, input, keyup)."""
        for ch in text:
            self.call("Input.dispatchKeyEvent", type="keyDown", text=ch, key=ch, unmodifiedText=ch)
            self.call("Input.dispatchKeyEvent", type="keyUp", key=ch)

    def close(self):
        import asyncio
        self.ws.close()
        self.loop.run_sync(lambda: asyncio.sleep(0.2))   # lets the connection's reader finish
        self.loop.close()


# Live state of the explorers in the page, as the nbconvert check reads it.
EXPLORER_STATE_JS = r"""
Array.prototype.map.call(document.querySelectorAll('.apricot-explorer'), function (e) {
  var gd = e.querySelector('.apricot-explorer-plot');
  return {list: Array.prototype.map.call(e.querySelectorAll('li'), function (li) { return li.textContent; }),
          word: gd && gd.data ? gd.data[2].text.join() : null,
          neighbours: gd && gd.data ? gd.data[1].text.join() : null};
})
"""


def live_check(args):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if chromium is None:
        print("Live check: no chromium found. Fix: apt-get install chromium (src/bin/apricot test does this).")
        return 1
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="apricot-live-") as tmp:
        name = os.path.basename(args.notebook)
        shutil.copy(args.notebook, os.path.join(tmp, name))
        port, token = free_port(), os.urandom(16).hex()
        server_cmd = [sys.executable, "-m", "notebook", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
                      f"--NotebookApp.token={token}", f"--notebook-dir={tmp}", "--NotebookApp.open_browser=False"]
        if os.geteuid() == 0:
            server_cmd.append("--allow-root")
        server = subprocess.Popen(server_cmd, stdout=subprocess.DEVNULL, stderr=open(os.path.join(tmp, "server.log"), "w"),
                                  cwd=os.path.dirname(os.path.abspath(args.notebook)))
        browser = None
        try:
            import urllib.request
            base = f"http://127.0.0.1:{port}"
            wait_for("the Notebook server's start", lambda: _http_ok(f"{base}/api/status?token={token}"), 60)
            profile = os.path.join(tmp, "profile")
            browser = subprocess.Popen([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                        "--disable-background-networking", "--disable-component-update",
                                        # No network but the Notebook server on this machine (loopback bypasses the proxy).
                                        "--proxy-server=127.0.0.1:9",
                                        f"--user-data-dir={profile}", "--remote-debugging-port=0",
                                        "--window-size=1280,2000", f"{base}/notebooks/{name}?token={token}"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            devtools_port = wait_for("Chromium's DevTools port", lambda: _read_first_line(
                os.path.join(profile, "DevToolsActivePort")), 60)
            pages = wait_for("the notebook page", lambda: [t for t in json.load(urllib.request.urlopen(
                f"http://127.0.0.1:{devtools_port}/json/list")) if t.get("type") == "page" and "/notebooks/" in t.get("url", "")], 60)
            page = DevTools(pages[0]["webSocketDebuggerUrl"])
            try:
                return _drive_live_notebook(page, name, started)
            finally:
                page.close()
        except (TimeoutError, RuntimeError, ConnectionError, OSError) as e:
            print(f"Live check: FAILED in the classic Notebook on {name}: {e}")
            with open(os.path.join(tmp, "server.log"), encoding="utf-8", errors="replace") as log:
                tail = log.read().splitlines()[-8:]
            for line in tail:
                print("    server: " + line[:300])
            return 1
        finally:
            for process in (browser, server):
                if process is not None:
                    process.terminate()
                    try:
                        process.wait(timeout=20)
                    except subprocess.TimeoutExpired:
                        process.kill()


def _http_ok(url):
    import urllib.request
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status == 200
    except OSError:
        return False


def _read_first_line(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.readline().strip() or None
    except OSError:
        return None


def _drive_live_notebook(page, name, started):
    def ready():
        return page.evaluate("!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel "
                             "&& Jupyter.notebook.kernel.is_connected())")
    wait_for("the notebook's kernel connection", ready, 120)
    cells = page.evaluate("Jupyter.notebook.get_cells().length")
    page.evaluate("Jupyter.notebook.execute_all_cells(), true")

    def all_ran():
        state = page.evaluate(r"""(function () {
          var code = Jupyter.notebook.get_cells().filter(function (c) { return c.cell_type === 'code'; });
          var done = code.every(function (c) { return typeof c.input_prompt_number === 'number'; });
          var errors = document.querySelectorAll('.output_error').length;
          return {done: done && !Jupyter.notebook.kernel_busy, errors: errors,
                  idle: document.querySelector('#kernel_indicator_icon').className};
        })()""")
        if state["errors"]:
            raise RuntimeError(f"a cell of {name} failed in the live Notebook")
        return state["done"] and "kernel_idle_icon" in state["idle"]
    wait_for(f"running every cell of {name}", all_ran, 300)
    ran = time.monotonic() - started
    sliders = page.evaluate("document.querySelectorAll('.apricot-slider-figure').length")
    explorers = page.evaluate("document.querySelectorAll('.apricot-explorer').length")
    if sliders == 0 and explorers == 0:
        print(f"Live check: FAILED: {name} has no slider figure or explorer to drive")
        return 1
    ok = True
    if sliders:
        page.evaluate(MOVE_SLIDERS_JS)
        report = wait_for("the slider script's report", lambda: page.evaluate(
            "(function () { var p = document.getElementById('apricot-slider-check'); return p && p.textContent; })()"), 30)
        ok &= sliders_moved('<pre id="apricot-slider-check">' + html_module.escape(report) + "</pre>", sliders,
                            "live classic Notebook", name)
    for i in range(explorers):
        before = page.evaluate(EXPLORER_STATE_JS)[i]
        word = re.sub(r" \(.*$", "", before["list"][0])
        page.evaluate(f"(function () {{ var box = document.querySelectorAll('.apricot-explorer-search')[{i}]; "
                      "box.focus(); box.select(); return true; })()")
        page.type_text(word)
        after = wait_for("the explorer's new neighbour list", lambda: (lambda s: s if s["list"] != before["list"] else None)(
            page.evaluate(EXPLORER_STATE_JS)[i]), 10)
        now_cells = page.evaluate("Jupyter.notebook.get_cells().length")
        typed = page.evaluate(f"document.querySelectorAll('.apricot-explorer-search')[{i}].value")
        if typed != word or after["word"] != word or after["neighbours"] == before["neighbours"] or now_cells != cells:
            print(f"Live check: FAILED (live classic Notebook): typing '{word}' into explorer {i} of {name} gave the box "
                  f"'{typed}', highlighted '{after['word']}', {now_cells} cells (was {cells})")
            ok = False
        else:
            print(f"Live check: ok (live classic Notebook), typed '{word}' key by key into explorer {i}'s search box: "
                  f"neighbours went from [{', '.join(before['list'][:3])}, …] to [{', '.join(after['list'][:3])}, …], the "
                  f"figure highlights '{after['word']}', and the Notebook took no key as a shortcut ({cells} cells)")
    print(f"Live check: {'ok' if ok else 'FAILED'}, {name} in the classic Notebook: all cells ran through the kernel "
          f"in {ran:.1f} s; {sliders} slider figure(s), {explorers} explorer(s) driven; {time.monotonic() - started:.1f} s in all")
    return 0 if ok else 1


def kernel_cpu_seconds(manager):
    """CPU time (user + system) the kernel process has used so far, from /proc/PID/stat."""
    with open(f"/proc/{manager.provisioner.process.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def first_result_and_idle_rss(kernel_name):
    """Starts a kernel, runs `1 + 1`; returns (seconds to the result, the kernel's CPU seconds by
    then, idle RSS in MB). CPU time varies less than wall time on a machine shared with other work."""
    from jupyter_client.manager import start_new_kernel
    start = time.monotonic()
    manager, client = start_new_kernel(kernel_name=kernel_name, startup_timeout=120)
    try:
        reply = client.execute_interactive("1 + 1", timeout=120, output_hook=lambda msg: None)
        first = time.monotonic() - start
        cpu = kernel_cpu_seconds(manager)
        if reply["content"]["status"] != "ok":
            raise RuntimeError(f"the first cell failed: {reply['content']}")
        time.sleep(3)  # idle: let start-up threads settle
        return first, cpu, driver.kernel_memory_mb(manager, "VmRSS")
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def floor_seconds(kernel_name, engine, runs):
    """Times KernelFloor: a fresh JVM that only compiles and runs `1 + 1` (engine javac or jshell: no
    Jupyter, imports or class path), or the Apricot kernel doing so without Jupyter (engine kernel),
    with the kernelspec's java and flags and a class-data-sharing archive of its own, as the kernel
    has. Returns (median wall seconds, median CPU seconds) over `runs` runs."""
    from jupyter_client.kernelspec import KernelSpecManager
    spec = KernelSpecManager().get_kernel_spec(kernel_name)
    argv = [a.replace("{resource_dir}", spec.resource_dir) for a in spec.argv]
    java = argv[0]
    flags = [a for a in argv[1:argv.index("-cp")] if not a.startswith("-XX:SharedArchiveFile=")]
    # javac and jshell run with no class path but their own jar; kernel with the kernel's.
    jar = argv[argv.index("-cp") + 1] if engine == "kernel" else os.path.join(spec.resource_dir, "apricot.jar")
    main = "io.github.apricotcourse.bench.KernelFloor"
    with tempfile.TemporaryDirectory() as tmp:
        archive = os.path.join(tmp, "floor.jsa")
        subprocess.run([java, *flags, f"-XX:ArchiveClassesAtExit={archive}", "-cp", jar, main, engine],
                       check=True, capture_output=True)
        walls, cpus = [], []
        for _ in range(runs):
            before = os.times()
            start = time.monotonic()
            out = subprocess.run([java, *flags, f"-XX:SharedArchiveFile={archive}", "-cp", jar, main, engine],
                                 check=True, capture_output=True, text=True).stdout.strip()
            walls.append(time.monotonic() - start)
            after = os.times()
            cpus.append(after.children_user + after.children_system - before.children_user - before.children_system)
            if out != "2":
                raise RuntimeError(f"KernelFloor {engine} printed {out!r}, not 2")
    return statistics.median(walls), statistics.median(cpus)


# Issue 20's targets: a student does not wait for the kernel, and many kernels fit on one machine.
FIRST_RESULT_TARGET_S = 1.0
IDLE_RSS_TARGET_MB = 150
# mybinder.org gives each user 1-2 GB: a lesson's kernel must stay below the smaller, counted strictly.
LESSON_PEAK_TARGET_MB = 1000

def lesson_peak_rss_mb(path, kernel_name):
    """Runs the lesson once; returns the kernel's peak resident memory in MB (VmHWM, read by the driver after each cell)."""
    return execute_notebook(path, kernel_name).metadata["apricot"]["kernel_peak_memory_mb"]


def two_cell_notebook_seconds(kernel_name):
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell('Table t = Table.create("t", IntColumn.create("n", 1, 2, 3));'),
        nbformat.v4.new_code_cell("t.rowCount()"),
    ])
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "two-cells.ipynb")
        nbformat.write(nb, path)
        start = time.monotonic()
        execute_notebook(path, kernel_name)
        return time.monotonic() - start


def bench_kernel(args):
    firsts, cpus, rss, notebooks = [], [], [], []
    for _ in range(args.runs):
        f, c, r = first_result_and_idle_rss(args.kernel)
        firsts.append(f)
        cpus.append(c)
        rss.append(r)
        notebooks.append(two_cell_notebook_seconds(args.kernel))
    load = " ".join(open("/proc/loadavg").read().split()[:3])
    print(f"Kernel benchmark ({args.kernel}, median of {args.runs} runs, {os.cpu_count()} cores, load average {load})")
    print(f"  start to first cell result : {statistics.median(firsts):.2f} s   (target < {FIRST_RESULT_TARGET_S} s; runs: "
          + ", ".join(f"{x:.2f}" for x in firsts) + ")")
    print(f"  kernel CPU time by then    : {statistics.median(cpus):.2f} s   (runs: "
          + ", ".join(f"{x:.2f}" for x in cpus) + ")")
    print(f"  idle kernel resident memory: {statistics.median(rss):.0f} MB   (target < {IDLE_RSS_TARGET_MB} MB; runs: "
          + ", ".join(f"{x:.0f}" for x in rss) + ")")
    print("  the same cell in a fresh JVM with the kernel's flags and a CDS archive, without Jupyter (medians):")
    for engine, what in (("javac", "javac alone, no imports or class path"),
                         ("jshell", "JShell alone, no imports or class path"),
                         ("kernel", "the Apricot kernel: its class path and start-up imports")):
        wall, cpu = floor_seconds(args.kernel, engine, args.runs)
        print(f"    {what:56}: {wall:.2f} s, CPU {cpu:.2f} s")
    print(f"  two-cell notebook, end to end (nbclient): {statistics.median(notebooks):.2f} s   (runs: "
          + ", ".join(f"{x:.2f}" for x in notebooks) + ")")
    lessons = args.lessons or sorted(glob.glob(os.path.join(REPO, "notebooks", "*.ipynb")))
    print(f"  peak kernel resident memory per lesson (one run each, target < {LESSON_PEAK_TARGET_MB} MB):")
    failed = 0
    for path in lessons:
        try:
            peak = lesson_peak_rss_mb(path, args.kernel)
        except NotebookFailed as e:
            print(f"    {os.path.basename(path)}: FAILED, so no figure: {first_line(e)}")
            failed += 1
            continue
        print(f"    {os.path.basename(path)}: {peak:.0f} MB" + ("   OVER the target" if peak >= LESSON_PEAK_TARGET_MB else ""))
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="execute notebooks through a kernel")
    r.add_argument("--kernel", default="apricot", help="kernelspec name (default: apricot)")
    r.add_argument("--cell-timeout", type=int, default=600, help="seconds a cell may run (default: 600)")
    r.add_argument("--out", help="folder for the executed notebooks")
    r.add_argument("notebooks", nargs="*")
    b = sub.add_parser("browser-check", help="check that an executed notebook's figures draw offline")
    b.add_argument("notebook")
    k = sub.add_parser("bench-kernel", help="print the kernel's start-up time and memory")
    k.add_argument("--kernel", default="apricot")
    k.add_argument("--runs", type=int, default=3)
    k.add_argument("lessons", nargs="*", help="lessons whose peak memory to measure (default: notebooks/*.ipynb)")
    v = sub.add_parser("live-check", help="drive a notebook's sliders and explorers in the live classic Notebook")
    v.add_argument("notebook")
    m = sub.add_parser("mark-slides", help="give each cell without one a slide type")
    m.add_argument("notebooks", nargs="+")
    d = sub.add_parser("slides-check", help="check that a reveal.js deck opens offline with its figures drawn")
    d.add_argument("deck")
    args = parser.parse_args()
    commands = {"run": run, "browser-check": browser_check, "bench-kernel": bench_kernel,
                "live-check": live_check, "mark-slides": mark_slides, "slides-check": slides_check}
    return commands[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
