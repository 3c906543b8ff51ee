"""A headless Chromium driven over its DevTools pipe, for looking at the report as a reader.

Chromium is started with ``--remote-debugging-pipe``: it reads commands on file descriptor 3
and writes answers and events on 4, each a JSON object ended by a NUL byte. That is enough
to set the size of the screen exactly (``Emulation.setDeviceMetricsOverride``; a window
narrower than 500 px is not possible otherwise), open a page, read values from it and take
a screenshot, without any package beyond the browser itself. The page runs as it is, its
Content-Security-Policy included: values are read by the browser, not by a script in it.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--proxy-server=127.0.0.1:9",  # nothing listens there: any network request fails
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
TIMEOUT = 60.0  # seconds for any one answer


def chromium() -> str | None:
    return shutil.which("chromium")


class BrowserError(RuntimeError):
    pass


# puts the two pipes where chromium looks for them, then becomes chromium
_LAUNCH = (
    "import os, sys; os.dup2(int(sys.argv[1]), 3); os.dup2(int(sys.argv[2]), 4); "
    "os.execv(sys.argv[3], sys.argv[3:])"
)


def _above_4(fd: int) -> int:
    """The same pipe end on a descriptor above 4, so that placing the pipes on 3 and 4 in
    the child cannot overwrite one with the other."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class Browser:
    """One headless Chromium with one tab; use it in a ``with`` block."""

    def __init__(self, executable: str, profile: Path) -> None:
        commands, self._to_browser = os.pipe()
        self._from_browser, answers = os.pipe()
        commands, answers = _above_4(commands), _above_4(answers)
        arguments = [executable, *FLAGS, f"--user-data-dir={profile}"]
        arguments += ["--remote-debugging-pipe", "about:blank"]
        self._process = subprocess.Popen(
            [sys.executable, "-c", _LAUNCH, str(commands), str(answers), *arguments],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(commands, answers),
        )
        os.close(commands)
        os.close(answers)
        self._next = 0
        self._pending = b""
        self._events: list[dict[str, Any]] = []
        self._session = ""
        try:
            target = self.call("Target.createTarget", url="about:blank")["targetId"]
            attached = self.call("Target.attachToTarget", targetId=target, flatten=True)
            self._session = attached["sessionId"]
            self.call("Page.enable", session=True)
        except BaseException:
            self.__exit__(None, None, None)
            raise

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        with contextlib.suppress(BrowserError, OSError):
            self.call("Browser.close")
        try:
            self._process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        for fd in (self._to_browser, self._from_browser):
            os.close(fd)

    # --- the protocol -------------------------------------------------------------------

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        self._next += 1
        message: dict[str, Any] = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self._session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self._events.append(answer)

    def _read(self) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while b"\0" not in self._pending:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._from_browser], [], [], max(left, 0))
            if not ready:
                raise BrowserError("no answer from chromium")
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise BrowserError("chromium closed its pipe")
            self._pending += chunk
        message, self._pending = self._pending.split(b"\0", 1)
        found: dict[str, Any] = json.loads(message)
        return found

    def _wait_for(self, event: str) -> None:
        while True:
            for i, seen in enumerate(self._events):
                if seen.get("method") == event:
                    del self._events[: i + 1]
                    return
            self._events.append(self._read())

    # --- what a test asks -----------------------------------------------------------------

    def open(self, page: Path, width: int, height: int) -> None:
        """Show ``page`` on a screen ``width`` by ``height`` CSS pixels, once it has loaded."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        self._events.clear()
        self.call("Page.navigate", session=True, url=page.as_uri())
        self._wait_for("Page.loadEventFired")

    def value(self, expression: str) -> Any:
        """What a JavaScript expression gives on the page that is open."""
        found = self.call(
            "Runtime.evaluate", session=True, expression=expression, returnByValue=True
        )
        if "exceptionDetails" in found:
            raise BrowserError(f"{expression}: {found['exceptionDetails']}")
        return found["result"].get("value")

    def screenshot(self, target: Path, width: int, height: int) -> None:
        """A PNG of the top ``width`` by ``height`` pixels of the page, below the screen too."""
        shot = self.call(
            "Page.captureScreenshot",
            session=True,
            format="png",
            captureBeyondViewport=True,
            clip={"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
        )
        target.write_bytes(base64.b64decode(shot["data"]))
