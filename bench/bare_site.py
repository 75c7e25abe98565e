"""The baseline every page benchmark measures against: a bare Wagtail page on its own site."""

BARE_HOST = "bare.test"


def migrate_with_bare_site():
    """Migrate the benchmark's database and give it a one-paragraph page at ``bare.test``."""
    from django.core.management import call_command
    from wagtail.models import Page, Site

    from cms.models import HomePage

    call_command("migrate", verbosity=0)
    bare_root = Page.get_first_root_node().add_child(
        instance=HomePage(title="Bare page", slug="bare", introduction="One paragraph of text, nothing more.")
    )
    Site.objects.create(hostname=BARE_HOST, root_page=bare_root)
    return bare_root
