"""mkdocs."""
