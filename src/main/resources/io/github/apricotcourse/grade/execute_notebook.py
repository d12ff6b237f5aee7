"""Apricot's one notebook driver: executes a notebook, cell by cell, in a fresh kernel (nbclient).

Two callers use it:
  - src/bin/notebooks.py (`apricot run-notebooks`, `apricot test`, binder-test, `bench kernel`)
    imports it and calls execute(...) with stop_at_error=True: the first cell that fails, runs
    too long or kills the kernel ends the notebook, and the caller reports it;
  - the grader runs it as a program, `python3 -I execute_notebook.py < JOB.json` (shipped in the
    jar, see grade.NotebookRunner), with stop_at_error=False: every cell is graded.

Each code cell gets metadata.apricot.status: "ok", "error", "timeout" (it ran longer than its
limit: metadata.apricot.timeout, else the run's timeout) or "died" (the kernel died, e.g.
System.exit); "not run: WHY" when the kernel could not be started. The notebook gets
metadata.apricot.kernel_peak_memory_mb, the kernel's peak resident memory. With stop_at_error
False, after a timeout or a death the kernel is restarted and the cells that had run cleanly are
run again (their outputs discarded), so that the rest of the notebook is still graded. A cell keeps
at most max_output characters of output (if given); the rest is cut with a note. With
record_timing (nbclient's), each cell's metadata.execution has its start and end timestamps.

As the grader's program, the job comes on standard input, never from a file the notebook could
read: a JSON object with "notebook" (the assembled notebook, grader cells included), "key" (hex;
signs the result), "kernel", "timeout" (seconds per cell), "max_output" (characters kept per
cell), "memory_mb" (the kernel's heap limit), "cwd" (where the kernel runs), "startup_timeout"
and "sandboxed" (true inside the grader's bubblewrap sandbox, where this driver is the only
process that is not the student's).

Runs inside the sandbox together with the kernel (they talk over loopback, and the sandbox has no
other network). Student code runs as the same user as this driver, so the driver:
  - reads the whole job before the kernel starts, then makes itself non-dumpable (no other process
    of that user may read its memory, its file descriptors or ptrace it);
  - writes its result only to a copy of standard output that no kernel inherits, as
    "APRICOT-RESULT <hmac-sha256 of the payload, hex> <payload bytes>\\n<payload>", so that
    anything else written into the same pipe is told apart by the grader;
  - resolves the kernelspec once, before any student code runs, and adds the grading JVM flags
    (-Xmx, -XX:+DisableAttachMechanism) after the kernelspec's own;
  - in the sandbox, kills every other process in it before a kernel restarts and at the end, so
    that nothing a cell started can stand in for the next kernel or outlive the notebook.
The result is always written, whatever happened. Needs Debian's nbclient and nbformat
(/usr/bin/python3).
"""
import ctypes
import hashlib
import hmac
import json
import logging
import os
import signal
import sys
import time

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError


class CappedClient(NotebookClient):
    """A notebook client that keeps at most max_output characters of output per cell (None: all)."""

    max_output = None

    def output(self, outs, msg, display_id, cell_index):
        if self.max_output is None:
            return super().output(outs, msg, display_id, cell_index)
        kept = sum(size(o) for o in outs)
        if kept > self.max_output and msg['msg_type'] in ('stream', 'display_data', 'update_display_data'):
            return None
        content = msg['content']
        last = outs[-1] if outs else None
        if (msg['msg_type'] == 'stream' and last is not None and last.get('output_type') == 'stream'
                and last.get('name') == content.get('name') and not self.clear_before_next_output):
            # one stream output per run of prints, as Jupyter shows it (and far smaller to store)
            last['text'] += content.get('text', '')
            excess = kept + len(content.get('text', '')) - self.max_output
            if excess > 0:
                cap(last, max(len(last['text']) - excess, 0), self.max_output)
            return None
        out = super().output(outs, msg, display_id, cell_index)
        if out is not None and kept + size(out) > self.max_output:
            cap(out, max(self.max_output - kept, 0), self.max_output)
        return out


def size(out):
    if out.get('output_type') == 'stream':
        return len(out.get('text', ''))
    if out.get('output_type') == 'error':
        return len(out.get('evalue', '')) + sum(len(t) for t in out.get('traceback', []))
    return sum(len(v) if isinstance(v, str) else len(str(v)) for v in out.get('data', {}).values())


def cap(out, room, max_output):
    note = '\n… [output cut by the grader: more than %d characters]\n' % max_output
    if out.get('output_type') == 'stream':
        out['text'] = out['text'][:room] + note
    elif out.get('output_type') == 'error':
        out['evalue'] = out.get('evalue', '')[:max(room, 2000)]
        out['traceback'] = [t[:2000] for t in out.get('traceback', [])[:50]]
    else:
        out['data'] = {'text/plain': note}


def mark(cell, status):
    cell.setdefault('metadata', {}).setdefault('apricot', {})['status'] = status


class FixedSpecs(KernelSpecManager):
    """Always the kernelspec read before any student code ran (a cell cannot plant another one)."""

    spec = None

    def get_kernel_spec(self, kernel_name):
        return self.spec


def graded_spec(kernel, memory_mb):
    """The kernelspec with the grading JVM flags put just before the main class, so that they win."""
    spec = KernelSpecManager().get_kernel_spec(kernel)
    flags = ['-Xmx%dm' % memory_mb, '-XX:+DisableAttachMechanism']
    argv = list(spec.argv)
    at = len(argv) - 2 if len(argv) >= 3 and argv[-1] == '{connection_file}' else 1
    spec.argv = argv[:at] + flags + argv[at:]
    return spec


def kill_others():
    """Kills every process in this sandbox's pid namespace but its init (1) and this driver."""
    me = os.getpid()
    for _ in range(3):
        others = [int(p) for p in os.listdir('/proc') if p.isdigit() and int(p) not in (1, me)]
        if not others:
            return
        for pid in others:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.05)
        for pid in others:
            try:
                os.waitpid(pid, os.WNOHANG)
            except OSError:
                pass


def kernel_memory_mb(km, field='VmHWM'):
    """The kernel process's VmHWM (peak resident memory so far) or VmRSS (resident now), in MB."""
    with open('/proc/%d/status' % km.provisioner.process.pid) as f:
        return next(int(line.split()[1]) / 1024 for line in f if line.startswith(field + ':'))


def peak_memory_mb(km):
    """The kernel's peak resident memory (VmHWM) in whole MB, or None."""
    try:
        return int(kernel_memory_mb(km, 'VmHWM'))
    except Exception:  # the kernel is gone, or /proc says nothing: the figure is only informative
        return None


def stop(km):
    """Stops a kernel that this driver started (the client does not, as it was handed the manager),
    with its process group: what a cell started in the kernel's session goes with it."""
    try:
        pid = km.provisioner.process.pid if km.provisioner and km.provisioner.process else None
    except AttributeError:
        pid = None
    try:
        km.shutdown_kernel(now=True)
    except Exception:  # the kernel is already gone, or never started
        pass
    if pid:
        try:
            os.killpg(pid, signal.SIGKILL)    # jupyter_client starts each kernel in a session of its own
        except OSError:
            pass


def execute(nb, kernel, cwd, timeout, stop_at_error, max_output=None, specs=None, record_timing=True,
            startup_timeout=120, sandboxed=False):
    """Runs every code cell of `nb` (in place) in a fresh kernel named `kernel`, in the folder `cwd`,
    each cell for at most `timeout` seconds (or its metadata.apricot.timeout), and marks each one's
    status (see the top of this file). With `stop_at_error` the first cell whose status is not "ok"
    (an error in a cell tagged raises-exception excepted) ends the run; without it the kernel is
    restarted after a timeout or death, replaying the cells that had run to the end. `specs`: a
    KernelSpecManager (default: Jupyter's). In a sandbox, every other process in it is killed before
    each kernel starts. Every kernel started is stopped before this returns."""
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == 'code' and c.source.strip()]
    done = []          # cells that ran to the end (ok or error): replayed after a restart
    todo = list(code)
    peak = 0
    info = None
    while todo:
        if sandboxed:
            kill_others()
        km = KernelManager(kernel_name=kernel, **({'kernel_spec_manager': specs} if specs is not None else {}))
        client = CappedClient(nb, km=km, kernel_name=kernel, timeout=timeout, allow_errors=True,
                              startup_timeout=startup_timeout, record_timing=record_timing,
                              resources={'metadata': {'path': cwd}},
                              timeout_func=lambda cell: cell.get('metadata', {}).get('apricot', {}).get('timeout', timeout),
                              on_cell_executed=lambda cell, cell_index, execute_reply: mark(
                                  cell, execute_reply['content'].get('status', 'error') if execute_reply else 'error'))
        client.max_output = max_output
        try:
            with client.setup_kernel():
                if info is None:
                    info = client.wait_for_reply(client.kc.kernel_info())
                    if info and 'language_info' in info['content']:
                        nb.metadata['language_info'] = info['content']['language_info']
                for i in done:
                    replay = nbformat.from_dict(dict(nb.cells[i]))
                    replay.outputs = []
                    scratch = nbformat.from_dict({'cells': [replay], 'metadata': {}})
                    client.nb = scratch
                    try:
                        client.execute_cell(replay, 0)
                    finally:
                        client.nb = nb
                while todo:
                    i = todo.pop(0)
                    try:
                        client.execute_cell(nb.cells[i], i)
                        done.append(i)
                    except CellTimeoutError:
                        mark(nb.cells[i], 'timeout')
                        break
                    except DeadKernelError:
                        mark(nb.cells[i], 'died')
                        break
                    finally:
                        peak = max(peak, peak_memory_mb(km) or 0)
                    if stop_at_error and failed(nb.cells[i]):
                        break
                if stop_at_error:
                    todo = []
        except (CellTimeoutError, DeadKernelError, RuntimeError) as e:
            # the kernel failed to start, or died while replaying: give up on the rest, saying why
            for i in todo:
                mark(nb.cells[i], 'not run: ' + (str(e).splitlines() or [type(e).__name__])[0][:300])
            todo = []
        finally:
            stop(km)
    nb.metadata.setdefault('apricot', {})['kernel_peak_memory_mb'] = peak


def status(cell):
    """The status execute() gave a code cell, or None if it did not run."""
    return cell.get('metadata', {}).get('apricot', {}).get('status')


def failed(cell):
    """True if the cell ran and did not end "ok" (an error in a cell tagged raises-exception is expected)."""
    s = status(cell)
    return s is not None and s != 'ok' and not (s == 'error' and 'raises-exception' in cell.get('metadata', {}).get('tags', []))


def private_stdout():
    """A copy of standard output that no child inherits; fd 1 then goes to standard error."""
    result = os.dup(1)                  # os.dup makes it non-inheritable
    os.dup2(2, 1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    return result


def not_dumpable():
    """No process of the same user may read this one's memory or descriptors, nor ptrace it."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(4, 0, 0, 0, 0)    # PR_SET_DUMPABLE, 0
    except (OSError, AttributeError):
        pass


def main():
    not_dumpable()
    job = json.loads(sys.stdin.buffer.read().decode('utf-8'))
    out = private_stdout()
    key = bytes.fromhex(job['key'])
    logging.basicConfig(level=logging.CRITICAL)
    nb = nbformat.reads(json.dumps(job['notebook']), as_version=4)   # sources as one string each
    del job['notebook']
    specs = FixedSpecs()
    try:
        specs.spec = graded_spec(job['kernel'], job.get('memory_mb', 1024))
        execute(nb, job['kernel'], job['cwd'], job['timeout'], stop_at_error=False, max_output=job.get('max_output', 100_000),
                specs=specs, record_timing=False, startup_timeout=job.get('startup_timeout', 120),
                sandboxed=bool(job.get('sandboxed')))
    except Exception as e:
        nb.metadata.setdefault('apricot', {})['runner_error'] = '%s: %s' % (type(e).__name__, str(e)[:500])
    finally:
        if job.get('sandboxed'):
            kill_others()
        payload = json.dumps(nb, ensure_ascii=False).encode('utf-8')
        signature = hmac.new(key, payload, hashlib.sha256).hexdigest()
        data = b'APRICOT-RESULT %s %d\n' % (signature.encode('ascii'), len(payload)) + payload + b'\n'
        while data:
            data = data[os.write(out, data):]
        os.close(out)


if __name__ == '__main__':
    sys.exit(main())
