"""The block library and the plugin API (see docs/plugins.md)."""
