"""Find block plugins: Django apps advertised in the ``lectern.plugins`` entry-point group.

Called from the settings, before Django starts, to extend INSTALLED_APPS. A plugin
package declares, in its pyproject.toml::

    [project.entry-points."lectern.plugins"]
    flashcards = "lectern_flashcards"

and registers its blocks in its AppConfig.ready() (see docs/plugins.md).
"""

from importlib.metadata import entry_points

GROUP = "lectern.plugins"


def discover_plugin_apps(disabled=()) -> list[str]:
    """App module paths of the installed plugins, minus the disabled ones, in name order."""
    found = sorted(entry_points(group=GROUP), key=lambda entry: entry.name)
    return [entry.value for entry in found if entry.name not in disabled and entry.value not in disabled]
