#!/usr/bin/env python3
"""Render audit reports in headless Chromium, take screenshots and check them.

    python scripts/browser_check.py AUDIT_DIR [--screenshots DIR] [--expect-text STRING ...]

For every HTML page of an audit (index.html and creators/*.html) it checks that
- every inline SVG chart renders with a non-zero size,
- no script ran: `window.__pwned` (what the injection cases try to set) is undefined, the page has no
  <script> element and no element with an on* handler attribute,
- each --expect-text string (e.g. the injection strings) shows literally as text on some page,
- the console and the log have no errors (console.error, uncaught exceptions, CSP violations,
  failed loads) and no request leaves file:// (the reports must work offline),
- it prints: Page.printToPDF with print media returns a PDF,
and it saves a full-page PNG screenshot of each page.

Chromium is driven over the DevTools protocol through --remote-debugging-pipe (file descriptors 3
and 4, NUL-separated JSON), so it needs nothing beyond the standard library. Exit status: 0 all
pages pass, 1 some check failed, 2 Chromium missing or the folder holds no report.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--remote-debugging-pipe"]
WIDTH = 1100
MAX_HEIGHT = 9000
TIMEOUT = 60.0
PROBE = """(() => {
  const svgs = [...document.querySelectorAll('svg')].map(s => {
    const r = s.getBoundingClientRect();
    return {w: r.width, h: r.height, label: s.getAttribute('aria-label') || '', shapes: s.querySelectorAll('rect,circle,line,polyline,text').length};
  });
  const handlers = [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length;
  return JSON.stringify({svgs, handlers, scripts: document.scripts.length, pwned: typeof window.__pwned,
    text: document.body ? document.body.innerText : '', height: document.documentElement.scrollHeight,
    title: document.title});
})()"""


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Chromium:
    """A headless Chromium and a DevTools-protocol session over the debugging pipe."""

    def __init__(self, binary: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="authentic_nlp_chromium_")
        r_in, self._w = os.pipe()
        self._r, w_out = os.pipe()

        def wire() -> None:
            os.dup2(r_in, 3)
            os.dup2(w_out, 4)

        self.proc = subprocess.Popen([binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     preexec_fn=wire, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(r_in)
        os.close(w_out)
        self._buf = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    def send(self, method: str, params: dict | None = None, session: bool = True) -> dict[str, Any]:
        self._next += 1
        msg: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self._w, json.dumps(msg).encode("utf-8") + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            if time.monotonic() > deadline:
                raise TimeoutError("no answer from Chromium")
            chunk = os.read(self._r, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the debugging pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def wait_event(self, method: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self._read(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)

    def open_page(self) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
            self.send(domain)

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._w, self._r):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self.profile, ignore_errors=True)


@dataclass
class PageResult:
    page: str
    screenshot: str | None = None
    svgs: int = 0
    text: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def _errors(events: list[dict[str, Any]]) -> list[str]:
    out = []
    for event in events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            out.append("console.error: " + " ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            out.append("exception: " + params.get("exceptionDetails", {}).get("text", ""))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            out.append("log error: " + params["entry"].get("text", ""))
        elif method == "Network.requestWillBeSent":
            url = params.get("request", {}).get("url", "")
            if not url.startswith(("file:", "data:", "about:")):
                out.append(f"network request: {url}")
    return out


def check_page(browser: Chromium, page: Path, shots: Path | None) -> PageResult:
    result = PageResult(str(page))
    browser.events.clear()
    browser.send("Emulation.setDeviceMetricsOverride", {"width": WIDTH, "height": 900, "deviceScaleFactor": 1, "mobile": False})
    browser.send("Page.navigate", {"url": page.resolve().as_uri()})
    browser.wait_event("Page.loadEventFired")
    probe = json.loads(browser.send("Runtime.evaluate", {"expression": PROBE, "returnByValue": True})["result"]["value"])
    result.svgs = len(probe["svgs"])
    result.text = probe["text"]
    if not probe["svgs"]:
        result.problems.append("no SVG chart on the page")
    for svg in probe["svgs"]:
        if svg["w"] <= 0 or svg["h"] <= 0 or svg["shapes"] == 0:
            result.problems.append(f"chart {svg['label']!r} renders empty ({svg['w']}x{svg['h']}, {svg['shapes']} shapes)")
    if probe["pwned"] != "undefined":
        result.problems.append("a script ran: window.__pwned is set")
    if probe["scripts"]:
        result.problems.append(f"{probe['scripts']} <script> elements in the page")
    if probe["handlers"]:
        result.problems.append(f"{probe['handlers']} elements with on* handler attributes")
    if shots is not None:
        height = min(MAX_HEIGHT, max(900, int(probe["height"])))
        browser.send("Emulation.setDeviceMetricsOverride", {"width": WIDTH, "height": height, "deviceScaleFactor": 1, "mobile": False})
        data = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True})["data"]
        name = page.parent.name + "__" + page.stem + ".png" if page.parent.name == "creators" else page.stem + ".png"
        target = shots / name
        target.write_bytes(base64.b64decode(data))
        result.screenshot = str(target)
    browser.send("Emulation.setEmulatedMedia", {"media": "print"})
    pdf = base64.b64decode(browser.send("Page.printToPDF", {"printBackground": True})["data"])
    browser.send("Emulation.setEmulatedMedia", {"media": ""})
    if not pdf.startswith(b"%PDF"):
        result.problems.append("printing to PDF failed")
    result.problems += _errors(browser.events)
    return result


def missing_texts(results: list[PageResult], expect: list[str]) -> list[str]:
    """Expected strings that show on no page as text."""
    return [text for text in expect if not any(text in r.text for r in results)]


def check_audit(audit_dir: Path, shots: Path | None = None, binary: str | None = None) -> list[PageResult]:
    binary = binary or find_chromium()
    if binary is None:
        raise FileNotFoundError("chromium not found (Debian: apt-get install chromium; scripts/install_browser.sh)")
    pages = sorted(Path(audit_dir).glob("index.html")) + sorted(Path(audit_dir).glob("creators/*.html"))
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    browser = Chromium(binary)
    try:
        browser.open_page()
        return [check_page(browser, page, shots) for page in pages]
    finally:
        browser.close()


def element_screenshot(page: Path, selector: str, target: Path, binary: str | None = None, scale: float = 2.0) -> Path:
    """A PNG of the first element matching `selector` on `page` (e.g. the index-vs-followers chart)."""
    browser = Chromium(binary or find_chromium() or "chromium")
    try:
        browser.open_page()
        browser.send("Emulation.setDeviceMetricsOverride", {"width": WIDTH, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        browser.send("Page.navigate", {"url": page.resolve().as_uri()})
        browser.wait_event("Page.loadEventFired")
        expr = ("(() => { const r = document.querySelector(%s).getBoundingClientRect();"
                " return JSON.stringify({x: r.x + window.scrollX, y: r.y + window.scrollY, w: r.width, h: r.height}); })()"
                % json.dumps(selector))
        box = json.loads(browser.send("Runtime.evaluate", {"expression": expr, "returnByValue": True})["result"]["value"])
        clip = {"x": box["x"], "y": box["y"], "width": box["w"], "height": box["h"], "scale": scale}
        data = browser.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True})["data"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(data))
        return target
    finally:
        browser.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("audit_dir", type=Path)
    parser.add_argument("--screenshots", type=Path, default=None, help="folder for PNG screenshots")
    parser.add_argument("--expect-text", action="append", default=[],
                        help="text that must show literally (as text, not markup) on at least one page; repeatable")
    parser.add_argument("--chart-png", type=Path, default=None,
                        help="also save the index page's index-vs-followers chart alone as this PNG")
    args = parser.parse_args(argv)
    if find_chromium() is None:
        print("chromium not found: run scripts/install_browser.sh (Debian package 'chromium')", file=sys.stderr)
        return 2
    if args.chart_png is not None:
        element_screenshot(args.audit_dir / "index.html", "svg.chart.wide", args.chart_png)
        print(f"chart {args.chart_png}")
    results = check_audit(args.audit_dir, args.screenshots)
    if not results:
        print(f"no report pages under {args.audit_dir}", file=sys.stderr)
        return 2
    failed = 0
    for text in missing_texts(results, args.expect_text):
        print(f"FAIL expected text shown on no page: {text!r}")
        failed += 1
    for r in results:
        status = "ok  " if r.ok else "FAIL"
        failed += not r.ok
        print(f"{status} {r.page}  svg={r.svgs}" + (f"  png={r.screenshot}" if r.screenshot else ""))
        for problem in r.problems:
            print(f"     - {problem}")
    print(f"{sum(r.ok for r in results)}/{len(results)} pages pass")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
