"""After acting on a page in review, the reviewer lands on a page they may see."""

import pytest

from tests.roles.test_workflow import act, submit

pytestmark = pytest.mark.django_db

DENIED = "Sorry, you do not have permission to access this area"


@pytest.mark.parametrize("action", ["approve", "reject"])
def test_a_reviewer_who_acted_on_a_page_lands_on_the_dashboard_without_a_permission_error(
    shared_team, client, action
):
    topic = shared_team.topics["alpha"]
    client.force_login(shared_team.users["partner_a"])
    assert submit(client, topic, "Clusters, explained for SME owners.").status_code == 302

    client.force_login(shared_team.users["reviewer"])
    response = act(client, topic, action, "Looks right.")
    assert response.status_code == 302
    landing = client.get(response["Location"], follow=True)
    assert landing.status_code == 200
    page = landing.content.decode()
    assert DENIED not in page
    assert topic.title in page  # Wagtail's "Page … has been approved/rejected" message
