"""DOT text for an AutogradGraph, in torchviz's colours, for `st.graphviz_chart` (drawn in the browser).

Backward functions are grey, leaf tensors that need a gradient blue, saved tensors orange, outputs
green (torchviz's `make_dot`); a box standing for a whole module call is lavender. Nodes of one module
call sit in a labelled cluster, so students see which layer each part of the graph belongs to.
"""

from __future__ import annotations

from engine.inside.autograd_graph import AutogradGraph, GraphNode

COLOURS = {"function": "lightgrey", "leaf": "lightblue", "saved": "orange", "output": "darkolivegreen1",
           "module": "lavender"}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def shape_text(shape: tuple[int, ...] | None) -> str:
    """`(3, 20)` as torchviz writes sizes; empty for an unknown shape, `()` for a scalar."""
    if shape is None:
        return ""
    return "(" + ", ".join(map(str, shape)) + ")"


def node_label(node: GraphNode, members_text: str = "{n} nodes") -> str:
    """The text in a node: its name, then its shape (and how many nodes a module box holds)."""
    lines = [node.label]
    if node.kind == "saved":
        lines[0] = f"saved: {node.label}"
        if node.shape is None:
            lines.append("(freed)")
    if node.shape is not None:
        lines.append(shape_text(node.shape))
    if node.kind == "module":
        lines.append(members_text.format(n=node.members))
    return "\n".join(lines)


def _node_line(node: GraphNode, members_text: str) -> str:
    style = "filled,rounded" if node.kind == "module" else "filled"
    return (f"  {node.id} [label={_quote(node_label(node, members_text))}, fillcolor={COLOURS[node.kind]}, "
            f"style={_quote(style)}]")


def to_dot(graph: AutogradGraph, clusters: bool = True, rankdir: str = "TB", members_text: str = "{n} nodes") -> str:
    """A `digraph` with data flowing down to the output; `clusters` frames each module call's nodes.

    `members_text` says how many nodes a module box holds, in the reader's language ("노드 {n}개").
    """
    lines = ["digraph autograd {", f"  rankdir={rankdir}",
             '  node [shape=box, fontname="Helvetica", fontsize=11, height=0.3]',
             '  edge [arrowsize=0.7]']
    groups: dict[str, list[GraphNode]] = {}
    for node in graph.nodes:
        if clusters and node.owner is not None and node.kind != "module":
            groups.setdefault(node.owner, []).append(node)
        else:
            lines.append(_node_line(node, members_text))
    for number, (owner, members) in enumerate(groups.items()):
        lines.append(f"  subgraph cluster_{number} {{")
        lines.append(f'    label={_quote(owner)}; style="dashed"; color="grey50"; fontsize=10')
        lines += ["  " + _node_line(node, members_text) for node in members]
        lines.append("  }")
    for edge in graph.edges:
        extra = ' [dir=none, style="dashed"]' if edge.saved else ""
        lines.append(f"  {edge.source} -> {edge.target}{extra}")
    lines.append("}")
    return "\n".join(lines)
