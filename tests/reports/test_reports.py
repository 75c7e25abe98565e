"""What the reports show a coordinator, and what they export."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from tests.surveys.factories import learner

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator_client(client, classroom):
    client.force_login(classroom.users["coordinator"])
    return client


def test_the_survey_results_count_every_language_together_and_list_free_text(coordinator_client, classroom):
    html = coordinator_client.get(
        reverse("lectern_reports:survey", args=[classroom.survey.pk])
    ).content.decode()
    assert "2 responses, in every language together" in html
    assert "Plus de vidéos" in html and "More case studies" in html
    assert "<svg" in html and "Zoé" not in html


def test_the_survey_export_opens_in_a_spreadsheet_with_a_row_per_answer(coordinator_client, classroom):
    url = reverse("lectern_reports:survey", args=[classroom.survey.pk])
    response = coordinator_client.get(url, {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Question", "Answer", "Count")
    module_two = [row for row in rows if row[0] == "Which module helped you most?" and row[1] == "Module two"]
    assert module_two[0][2] == 2


def test_the_learners_report_groups_by_language_and_partner(coordinator_client, classroom):
    response = coordinator_client.get(reverse("lectern_reports:learners"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "fr,Alpha Cluster,1,1" in text and "en,Beta Cluster,1,1" in text


def test_the_completion_funnel_counts_who_started_and_finished_each_lesson(coordinator_client, classroom):
    response = coordinator_client.get(reverse("lectern_reports:completion"), {"export": "csv"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert "module,Module 1,2,2,0,0" in lines  # both started, nobody did both lessons
    assert "lesson,Lesson 1.1,1,1,1,100" in lines


def test_the_exercise_report_shows_pass_rate_tries_and_the_question_most_missed(
    coordinator_client, classroom
):
    response = coordinator_client.get(reverse("lectern_reports:exercises"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "Topic 1.2.1,ex-beta,1,3,100,3.0,Hardest question of ex-beta,2" in text


def test_the_certificates_report_counts_this_months_certificate(coordinator_client, classroom):
    response = coordinator_client.get(reverse("lectern_reports:certificates"), {"export": "csv"})
    month = timezone.now().strftime("%Y-%m")
    assert f"{month},1,0" in b"".join(response.streaming_content).decode()
    spanish = coordinator_client.get(
        reverse("lectern_reports:certificates"), {"language": "es", "export": "csv"}
    )
    assert month not in b"".join(spanish.streaming_content).decode()


def test_the_language_filter_narrows_the_learners(coordinator_client, classroom):
    html = coordinator_client.get(reverse("lectern_reports:learners"), {"language": "fr"}).content.decode()
    assert "Alpha Cluster" in html and "Beta Cluster" not in html.split("The numbers")[-1]


def test_a_bad_date_in_the_filter_is_not_an_error_page(coordinator_client, classroom):
    response = coordinator_client.get(reverse("lectern_reports:completion"), {"period_from": "not-a-date"})
    assert response.status_code == 200


def test_a_competence_with_high_need_and_no_topic_is_flagged(client, classroom):
    for number in range(3):
        client.force_login(learner(f"respondent-{number}"))
        client.post(classroom.needs.url, {"i_need_digital_readiness": "5", "i_need_to_negotiate": "9"})
    client.force_login(classroom.users["coordinator"])
    url = reverse("lectern_reports:needs", args=[classroom.needs.pk])
    response = client.get(url, {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [(row["Competence"], row["Expressed need (%)"]) for row in rows] == [("C50", "100"), ("C51", "90")]
    assert rows[0]["Flag"] == "" and "Topic 1.1.1" in rows[0]["Topics that teach it"]
    assert rows[1]["Flag"] == "High need, few topics" and rows[1]["Topics that teach it"] == ""
    assert "Flagged:</strong> C51" in client.get(url).content.decode()
