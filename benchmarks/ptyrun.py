"""Run a terminal program under a pseudo-terminal and time it until it paints a marker.

The child gets a pty of a fixed size as its stdin, stdout and stderr (and as its
controlling terminal), TERM=xterm-256color, and nothing answering its queries,
like a terminal that is slow to reply. The clock starts just before fork and
stops when the marker text shows up in what the child wrote; at that moment
the child's peak resident set size (VmHWM) and the CPU time its threads have
used are read from /proc. Then ctrl+q is sent and the child is reaped (killed
if it does not leave within a few seconds).
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass

from common import SIZE


@dataclass
class PtyRun:
    seconds: float  # spawn until the marker appeared
    hwm_kb: int  # VmHWM (peak RSS) of the child at that moment
    rss_kb: int  # VmRSS at that moment
    output: bytes  # everything the child wrote until the marker
    exit_status: int | None
    # CPU time of all the child's threads at that moment (0.0 where /proc has
    # no schedstat): unlike `seconds`, it leaves out waiting for a core.
    cpu_seconds: float = 0.0


def terminal_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TEXTUAL", "PREP_", "COLUMNS", "LINES", "PYTHON"))
        and k not in {"NO_COLOR", "FORCE_COLOR", "TMUX", "STY"}
    }
    env["TERM"] = "xterm-256color"
    env["COLORTERM"] = "truecolor"
    env.update(extra or {})
    return env


def _status(pid: int) -> tuple[int, int]:
    hwm = rss = 0
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    hwm = int(line.split()[1])
                elif line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
    except OSError:
        pass
    return hwm, rss


def _cpu_seconds(pid: int) -> float:
    """CPU time used by every thread of `pid`, in nanoseconds from schedstat
    (the clock ticks of /proc/PID/stat are 10 ms, too coarse for a start-up)."""
    total = 0
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/schedstat") as handle:
                total += int(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0
    return total / 1e9


def run_until(
    argv: list[str],
    marker: bytes,
    *,
    env: dict[str, str] | None = None,
    size: tuple[int, int] = SIZE,
    timeout: float = 30.0,
    quit_keys: bytes = b"\x11",
) -> PtyRun:
    columns, rows = size
    env = env if env is not None else terminal_env()
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: size the terminal, then become the program
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    buffer = bytearray()
    found_at: float | None = None
    hwm = rss = 0
    cpu = 0.0
    deadline = started + timeout
    try:
        while found_at is None and time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            search_from = max(0, len(buffer) - len(marker))
            buffer += chunk
            if buffer.find(marker, search_from) != -1:
                found_at = time.perf_counter()
                hwm, rss = _status(pid)
                cpu = _cpu_seconds(pid)
        output = bytes(buffer)
        if found_at is None:
            raise RuntimeError(
                f"{argv[0]}: marker {marker!r} not seen within {timeout} s; "
                f"last output: {output[-600:]!r}"
            )
        os.write(fd, quit_keys)
        status = _reap(pid, fd, time.perf_counter() + 10)
    except BaseException:
        _kill(pid)
        raise
    finally:
        try:
            os.close(fd)
        except OSError:
            pass
    return PtyRun(found_at - started, hwm, rss, output, status, cpu)


def _reap(pid: int, fd: int, deadline: float) -> int | None:
    """Drain the terminal (so the child can write its goodbye) until it exits."""
    while time.perf_counter() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                if not os.read(fd, 65536):
                    pass
            except OSError:
                pass
    _kill(pid)
    return None


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
