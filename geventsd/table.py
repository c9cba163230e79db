"""Text tables in the look of ``gluster-eventsapi`` (prettytable style)."""


def _fit(text, width, align):
    if align == "l":
        return text.ljust(width)
    if align == "r":
        return text.rjust(width)
    return text.center(width)


def render(headers, rows, align=None):
    """Render *rows* (sequences of values) under *headers*.

    :param align: per column ``"l"``, ``"r"`` or ``"c"``; headers are
        always centred, as in the GlusterFS tool.
    """
    align = align or "l" * len(headers)
    cells = [[("" if v is None else str(v)).replace("\n", " ") for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in cells:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(value))
    rule = "+" + "+".join("-" * (w + 2) for w in widths) + "+"
    lines = [rule, "| " + " | ".join(_fit(h, w, "c") for h, w in zip(headers, widths)) + " |",
             rule]
    for row in cells:
        lines.append("| " + " | ".join(_fit(v, w, a)
                                        for v, w, a in zip(row, widths, align)) + " |")
    lines.append(rule)
    return "\n".join(lines)
