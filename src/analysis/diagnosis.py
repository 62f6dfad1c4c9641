"""Why a run failed, from the exception types of nbclient and papermill (never from their
message text), and which cell of the committed notebook it was.

The worker turns an exception into a small record (``classify``); the scheduler turns the
record, and the partial notebook, into one line naming the cell (``message``).
"""

from __future__ import annotations

__all__ = ["classify", "failed_cell", "cause", "message"]


def classify(err: BaseException) -> dict:
    """A failure record: ``kind`` is error (a cell raised: papermill's ``PapermillExecutionError``,
    with its ``cell_index``), timeout (nbclient's ``CellTimeoutError``), kernel_died
    (``DeadKernelError``) or other."""
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    if isinstance(err, PapermillExecutionError):
        return {"status": "failed", "kind": "error", "cell_index": err.cell_index, "exec_count": err.exec_count,
                "source": err.source, "ename": err.ename, "evalue": err.evalue}
    kind = ("timeout" if isinstance(err, CellTimeoutError) else
            "kernel_died" if isinstance(err, DeadKernelError) else "other")
    text = str(err).strip()
    return {"status": "failed", "kind": kind, "ename": type(err).__name__,
            "evalue": text.splitlines()[0] if text else ""}


def failed_cell(nb, original_ids: list[str], cell_index: int | None = None) -> tuple[str, str]:
    """(cell number in the committed notebook, first source line) of the cell that failed (papermill's
    ``cell_index`` in the executed notebook, which has the injected parameters cell too) or, for a
    timeout or a dead kernel, the cell that was running."""
    def describe(cell) -> tuple[str, str]:
        number = original_ids.index(cell.id) + 1 if cell.id in original_ids else "?"
        first = next((line for line in cell.source.splitlines() if line.strip()), "")
        return str(number), first.strip()

    if cell_index is not None:
        from papermill.execute import ERROR_MARKER_TAG

        # papermill counts the cells before it adds its two error-marker cells to the notebook
        cells = [c for c in nb.cells if ERROR_MARKER_TAG not in c.get("metadata", {}).get("tags", [])]
        if 0 <= cell_index < len(cells):
            return describe(cells[cell_index])

    started = []
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("papermill", {})
        has_error = any(o.get("output_type") == "error" for o in cell.get("outputs", []))
        if cell.cell_type == "code" and (meta.get("status") == "running" or has_error):
            return describe(cell)
        if cell.cell_type == "code" and meta.get("start_time"):
            started.append(cell)
    # A kernel that dies mid-cell leaves that cell marked "completed": it is the last one started.
    return describe(started[-1]) if started else ("?", "")


def cause(result: dict, timed_out: bool, timeout: float) -> str:
    """The reason in a few words, from the failure record."""
    evalue = (result.get("evalue") or "").strip().splitlines()
    error = f"{result.get('ename', '')}: {evalue[0] if evalue else ''}".rstrip(": ")
    if timed_out or result.get("kind") == "timeout":
        return f"timed out after {timeout:g} s"
    if result.get("kind") == "kernel_died":
        return f"kernel died ({error})"
    if result.get("ename"):
        return error
    return "the worker stopped without a result (killed?)"  # killed from outside (out of memory?)


def message(name: str, nb, original_ids: list[str], result: dict, timed_out: bool, timeout: float) -> str:
    """One line: the run, the cell (number in the committed notebook, first line) and the cause."""
    number, first = failed_cell(nb, original_ids, result.get("cell_index")) if nb is not None else ("?", "")
    return f"{name}: cell {number}" + (f" `{first}`" if first else "") + f": {cause(result, timed_out, timeout)}"
