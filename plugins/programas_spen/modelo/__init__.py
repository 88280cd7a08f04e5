"""modelo."""
