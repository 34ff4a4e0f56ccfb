"""A network as data: ModelSpec, the layer registry and its shape rules, presets, builder, editing, summary."""
