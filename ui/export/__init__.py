"""The Export page's parts: the export kept per session, its report and files, the browser runtime."""
