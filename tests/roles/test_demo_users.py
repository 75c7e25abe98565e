import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings
from wagtail import hooks

from roles.demo import create_demo_users

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=True)
def test_the_demo_has_one_login_per_role_with_a_random_password(team, client):
    accounts = create_demo_users()
    names = {username: group for username, group, _password in accounts}
    assert names["coordinator"] == "Coordinators"
    assert names["reviewer"] == "Reviewers"
    assert names["siteadmin"] == "Site administrators"
    assert names["translator-fr"] == "Translators: Français"
    assert sum(group.startswith("Partner editors: ") for group in names.values()) == 2
    passwords = [password for _u, _g, password in accounts]
    assert len(set(passwords)) == len(passwords) and all(len(p) >= 12 for p in passwords)
    for username, _group, password in accounts:
        user = get_user_model().objects.get(username=username)
        assert not user.is_superuser
        assert client.login(username=username, password=password)
        assert client.get("/admin/").status_code == 200, username


@override_settings(DEBUG=False)
def test_demo_logins_are_refused_outside_the_demo(team):
    with pytest.raises(ImproperlyConfigured):
        create_demo_users()
    assert get_user_model().objects.get(username="coordinator").check_password("pw")  # untouched


@override_settings(DEBUG=False)
def test_load_demo_course_refuses_to_create_logins_with_production_like_settings(home, monkeypatch):
    from django.core.management import CommandError, call_command

    from cms.management.commands import load_demo_course

    monkeypatch.setattr(load_demo_course.CourseImporter, "run", lambda self: None)
    monkeypatch.setattr(load_demo_course, "report_import", lambda *args: None)
    with pytest.raises(CommandError):
        call_command("load_demo_course", "--create-admin", stdout=io.StringIO())
    assert not get_user_model().objects.exists()


@override_settings(DEBUG=True)
def test_the_demo_loader_prints_the_admin_and_a_login_per_role_through_its_hooks(team, monkeypatch):
    from django.core.management import call_command

    from cms.management.commands import load_demo_course

    monkeypatch.setattr(load_demo_course.CourseImporter, "run", lambda self: None)
    monkeypatch.setattr(load_demo_course, "report_import", lambda *args: None)
    # Only the roles' part of the demo: the learners' and surveys' parts need a real course.
    roles_only = [
        hook for hook in hooks.get_hooks("after_load_demo_course") if hook.__module__.startswith("roles.")
    ]
    monkeypatch.setattr("cms.demo.hooks.get_hooks", lambda name: roles_only)
    out = io.StringIO()
    call_command("load_demo_course", "--create-admin", stdout=out)
    printed = out.getvalue()
    assert "Roles set up" in printed
    assert "Demo admin login: admin / " in printed
    for username in ("coordinator", "reviewer", "siteadmin", "translator-fr"):
        password = printed.split(f"login: {username} / ")[1].split()[0]
        assert get_user_model().objects.get(username=username).check_password(password)
