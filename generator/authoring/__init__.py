"""authoring stage."""
