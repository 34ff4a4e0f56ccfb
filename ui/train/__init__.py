"""The Train page's parts: settings, the run's lifecycle in the queue, live curves, and TF Playground's 2-D views."""
