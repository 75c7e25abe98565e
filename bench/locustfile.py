"""Simulated learners for the load test (bench/load.py runs it; see its docstring).

Anonymous learners read the course, the outline and topics, search (terms, plurals,
misspellings, French) and try exercises; signed-in learners also mark topics done,
see their progress and log out and in again. Every request is named by its type, so
the report gives p50/p95 per type, not per address.

The plan of the site (course, topics, exercises) comes from ``LECTERN_LOAD_PLAN``, a
JSON file bench/stack.py writes. The login page and its field names are settings of
their own, so that switching to allauth's login is a change of environment only:
``LECTERN_LOAD_LOGIN_PATH`` (default allauth's /en/accounts/login/), ``LECTERN_LOAD_LOGIN_FIELD``
(``login``, allauth's; ``username`` for a plain Django login) and ``LECTERN_LOAD_LOGOUT_PATH``.
"""

import json
import os
import random

from locust import HttpUser, between, task

PLAN = json.loads(open(os.environ["LECTERN_LOAD_PLAN"]).read()) if os.environ.get("LECTERN_LOAD_PLAN") else {}
LOGIN_PATH = os.environ.get("LECTERN_LOAD_LOGIN_PATH", "/en/accounts/login/")
LOGIN_FIELD = os.environ.get("LECTERN_LOAD_LOGIN_FIELD", "login")
LOGOUT_PATH = os.environ.get("LECTERN_LOAD_LOGOUT_PATH", "/en/accounts/logout/")
LEARNERS = int(os.environ.get("LECTERN_LOAD_LEARNERS", "50"))
PASSWORD = "load-test-pw"  # noqa: S105 - bench/stack.py gives every load-test learner this one

# What learners type: terms, plurals, abbreviations, misspellings and French phrases.
SEARCHES = [
    "cluster",
    "clusters",
    "digital twin",
    "additive manufacturing",
    "SME",
    "industry 4.0",
    "value chain",
    "cybersecurity",
    "IoT",
    "clsuter",
    "manufacturng",
    "digitl twin",
    "cybersecurty",
    "jumeau numérique",
    "fabrication additive",
    "chaîne de valeur",
    "competitiveness",
    "roadmap",
]


class Learner(HttpUser):
    abstract = True
    wait_time = between(1, 3)

    def on_start(self):
        self.client.verify = False  # the nginx run uses a self-signed certificate on loopback

    def csrf(self):
        return self.client.cookies.get("csrftoken", "")

    @task(3)
    def open_course(self):
        self.client.get(PLAN["course"], name="course")
        self.client.get(PLAN["outline"], name="outline")

    @task(10)
    def read_topic(self):
        self.client.get(random.choice(PLAN["topics"]), name="topic")

    @task(1)
    def read_topic_in_french(self):
        self.client.get(random.choice(PLAN["topics"]).replace("/en/", "/fr/", 1), name="topic (fr)")

    @task(3)
    def search(self):
        self.client.get("/en/search/", params={"q": random.choice(SEARCHES)}, name="search")

    @task(2)
    def grade_exercise(self):
        exercise = random.choice(PLAN["exercises"])
        self.client.get(exercise["url"], name="topic")
        self.client.post(
            f"/grade/{exercise['page']}/{exercise['block']}/",
            data={"csrfmiddlewaretoken": self.csrf()},
            headers={"Accept": "application/json", "Referer": self.host + exercise["url"]},
            name="grade exercise",
        )


class AnonymousLearner(Learner):
    weight = 3


class SignedInLearner(Learner):
    weight = 2

    def on_start(self):
        super().on_start()
        self.username = f"learner{random.randint(1, LEARNERS)}"
        self.log_in()

    def log_in(self):
        self.client.get(LOGIN_PATH, name="login page")
        data = {LOGIN_FIELD: self.username, "password": PASSWORD, "csrfmiddlewaretoken": self.csrf()}
        with self.client.post(
            LOGIN_PATH,
            data=data,
            headers={"Referer": self.host + LOGIN_PATH},
            name="log in",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login answered {response.status_code}, not a redirect")

    @task(3)
    def mark_topic_done(self):
        url, page_id = random.choice(list(PLAN["topic_ids"].items()))
        self.client.get(url, name="topic")
        with self.client.post(
            f"/progress/topic/{page_id}/",
            data={"done": random.choice("01"), "next": url, "csrfmiddlewaretoken": self.csrf()},
            headers={"Referer": self.host + url},
            name="mark topic done",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"marking a topic answered {response.status_code}")

    @task(1)
    def see_progress(self):
        self.client.get(PLAN["course"] + "progress/", name="progress")

    @task(1)
    def log_out_and_in(self):
        with self.client.post(
            LOGOUT_PATH,
            data={"csrfmiddlewaretoken": self.csrf()},
            headers={"Referer": self.host + PLAN["course"]},
            name="log out",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code not in (200, 302):
                response.failure(f"logout answered {response.status_code}")
        self.log_in()
