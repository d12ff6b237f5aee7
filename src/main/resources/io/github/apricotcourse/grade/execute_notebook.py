"""Executes one notebook for the Apricot grader, cell by cell, in a fresh kernel.

usage: python3 execute_notebook.py IN.ipynb OUT.ipynb --kernel NAME --timeout SECONDS
                                   [--max-output CHARS] [--startup-timeout SECONDS] [--cwd DIR]

A cell may set its own limit in metadata.apricot.timeout (the grader's warm-up cell does).
Each code cell gets metadata.apricot.status: "ok", "error", "timeout" (it ran longer than
--timeout seconds) or "died" (the kernel died, e.g. System.exit). After a timeout or a death the
kernel is restarted and the cells that had run cleanly are run again (their outputs discarded),
so that the rest of the notebook is still graded. A cell keeps at most --max-output characters of
output; the rest is cut with a note. The notebook is always written, whatever happened.
Needs Debian's nbclient and nbformat (/usr/bin/python3).
"""
import argparse
import logging
import sys

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError


class CappedClient(NotebookClient):
    """A notebook client that keeps at most max_output characters of output per cell."""

    max_output = 100_000

    def output(self, outs, msg, display_id, cell_index):
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
                cap(last, max(len(last['text']) - excess, 0))
            return None
        out = super().output(outs, msg, display_id, cell_index)
        if out is not None and kept + size(out) > self.max_output:
            cap(out, max(self.max_output - kept, 0))
        return out


def size(out):
    if out.get('output_type') == 'stream':
        return len(out.get('text', ''))
    if out.get('output_type') == 'error':
        return len(out.get('evalue', '')) + sum(len(t) for t in out.get('traceback', []))
    return sum(len(v) if isinstance(v, str) else len(str(v)) for v in out.get('data', {}).values())


def cap(out, room):
    note = '\n… [output cut by the grader: more than %d characters]\n' % CappedClient.max_output
    if out.get('output_type') == 'stream':
        out['text'] = out['text'][:room] + note
    elif out.get('output_type') == 'error':
        out['evalue'] = out.get('evalue', '')[:max(room, 2000)]
        out['traceback'] = [t[:2000] for t in out.get('traceback', [])[:50]]
    else:
        out['data'] = {'text/plain': note}


def mark(cell, status):
    cell.setdefault('metadata', {}).setdefault('apricot', {})['status'] = status


def run(nb, kernel, timeout, startup_timeout, cwd):
    """Runs every code cell; restarts the kernel (replaying the clean cells) after a timeout or death."""
    code = [i for i, c in enumerate(nb.cells) if c.cell_type == 'code' and c.source.strip()]
    done = []          # cells that ran to the end (ok or error): replayed after a restart
    todo = list(code)
    while todo:
        client = CappedClient(nb, kernel_name=kernel, timeout=timeout, allow_errors=True,
                              startup_timeout=startup_timeout, record_timing=False,
                              resources={'metadata': {'path': cwd}},
                              timeout_func=lambda cell: cell.get('metadata', {}).get('apricot', {}).get('timeout', timeout),
                              on_cell_executed=lambda cell, cell_index, execute_reply: mark(
                                  cell, execute_reply['content'].get('status', 'error') if execute_reply else 'error'))
        try:
            with client.setup_kernel():
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
        except (CellTimeoutError, DeadKernelError, RuntimeError) as e:
            # the kernel failed to start, or died while replaying: give up on the rest, saying why
            for i in todo:
                mark(nb.cells[i], 'not run: ' + (str(e).splitlines() or [type(e).__name__])[0][:300])
            todo = []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('input')
    parser.add_argument('output')
    parser.add_argument('--kernel', required=True)
    parser.add_argument('--timeout', type=int, required=True)
    parser.add_argument('--max-output', type=int, default=100_000)
    parser.add_argument('--startup-timeout', type=int, default=120)
    parser.add_argument('--cwd', default='.', help='the folder the notebook runs in')
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)
    CappedClient.max_output = args.max_output
    nb = nbformat.read(args.input, as_version=4)
    try:
        run(nb, args.kernel, args.timeout, args.startup_timeout, args.cwd)
    finally:
        nbformat.write(nb, args.output)


if __name__ == '__main__':
    sys.exit(main())
