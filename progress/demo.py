"""75 demo learners with believable progress through the demo course (deterministic).

They were written for the demo: some stopped early in module 1, many are half-way, a
few finished and hold certificates; most answered the exercises they reached, some more
than once. Most work in English, several in French, one or two each in Spanish,
Hungarian and Greek. Everything is bulk-created so the demo stays quick to load.
"""

from __future__ import annotations

import random
import secrets
from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from .certificates import issue_certificate
from .courses import course_map
from .models import Certificate, CompletionRule, CourseVisit, ExerciseAttempt, TopicCompletion

SEED = 11
PRINTED_LEARNER = "camille.durand"

NAMES = {
    "en": [
        ("Olivia", "Bennett"),
        ("James", "Whitfield"),
        ("Amelia", "Hart"),
        ("Harry", "Dawson"),
        ("Isla", "Pemberton"),
        ("George", "Ashworth"),
        ("Emily", "Carver"),
        ("Noah", "Fletcher"),
        ("Grace", "Holloway"),
        ("Oscar", "Lindqvist"),
        ("Sophie", "Marsh"),
        ("Jacob", "Rowntree"),
        ("Chloe", "Sinclair"),
        ("Thomas", "Vaughan"),
        ("Ella", "Winslow"),
        ("Samuel", "Keane"),
        ("Ruby", "Okafor"),
        ("Daniel", "Prescott"),
        ("Lily", "Stroud"),
        ("Henry", "Tanner"),
        ("Freya", "Ingram"),
        ("Leo", "Radcliffe"),
        ("Evie", "Morland"),
        ("Arthur", "Quayle"),
        ("Mia", "Kowalski"),
        ("Joseph", "Brennan"),
        ("Alice", "Fairbairn"),
        ("Luca", "Moretti"),
        ("Poppy", "Hadley"),
        ("William", "Osei"),
        ("Hannah", "Lister"),
        ("Ethan", "Crowther"),
        ("Zara", "Nakamura"),
        ("Max", "Hollis"),
        ("Ivy", "Garrick"),
        ("Finn", "Doherty"),
        ("Rosie", "Whitlock"),
        ("Adam", "Schreiber"),
        ("Phoebe", "Langley"),
        ("Reuben", "Achebe"),
        ("Matilda", "Greaves"),
        ("Toby", "Farrant"),
        ("Esme", "Kirkland"),
        ("Hugo", "Varga"),
        ("Florence", "Abbott"),
        ("Elliot", "Pryce"),
        ("Maya", "Hussain"),
        ("Rory", "McAllister"),
        ("Clara", "Denholm"),
        ("Felix", "Strand"),
        ("Nina", "Castell"),
        ("Owen", "Treharne"),
        ("Holly", "Baptiste"),
        ("Caleb", "Mercer"),
    ],
    "fr": [
        ("Camille", "Durand"),
        ("Julien", "Lefèvre"),
        ("Léa", "Moreau"),
        ("Hugo", "Gauthier"),
        ("Chloé", "Rousseau"),
        ("Mathieu", "Garnier"),
        ("Manon", "Faure"),
        ("Antoine", "Chevalier"),
        ("Inès", "Bonnet"),
        ("Nicolas", "Lemaire"),
        ("Élodie", "Perrin"),
        ("Baptiste", "Masson"),
        ("Sarah", "Aubert"),
        ("Quentin", "Marchand"),
        ("Margaux", "Rolland"),
    ],
    "es": [("Lucía", "Fernández"), ("Javier", "Ortega")],
    "hu": [("Eszter", "Kovács"), ("Bálint", "Szőke")],
    "el": [("Ελένη", "Παπαδοπούλου"), ("Νίκος", "Γεωργίου")],
}


def demo_people() -> list[tuple[str, str, str, str]]:
    """(username, first name, last name, language) for all 75, in a fixed order."""
    people = []
    for language, names in NAMES.items():
        for first, last in names:
            username = f"{_ascii(first)}.{_ascii(last)}".lower()
            people.append((username, first, last, language))
    return people


def _ascii(text: str) -> str:
    import unicodedata

    if not text.isascii() and any("\u0370" <= c <= "\u03ff" or "\u1f00" <= c <= "\u1fff" for c in text):
        return "gr" + str(sum(map(ord, text)) % 997)  # Greek names get a Latin login
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and c.isalnum())


def topics_done_for(index: int, total: int, rng: random.Random) -> int:
    """Stopped in module 1, half-way, far along or finished, by the learner's place in the list."""
    share = index % 10
    if share < 3:
        return rng.randint(1, 12)  # stopped in module 1 (15 topics)
    if share < 7:
        return rng.randint(total // 3, 2 * total // 3)
    if share < 9:
        return rng.randint(2 * total // 3, total - 1)
    return total


def load_demo_learners(course, create_login: bool = False) -> list[str]:
    """Create the learners once (a second load changes nothing); lines to print."""
    people = demo_people()
    CompletionRule.objects.get_or_create(
        course=course, defaults={"topics_percent": 100, "exercises_percent": 80}
    )
    lines = []
    if not get_user_model().objects.filter(username=people[0][0]).exists():
        create_learners(course, people)
        lines.append(
            f"Demo learners: {len(people)}, with progress, exercise attempts and "
            f"{Certificate.objects.filter(course_key=course.translation_key).count()} certificates."
        )
    if create_login:
        password = secrets.token_urlsafe(9)
        learner = get_user_model().objects.get(username=PRINTED_LEARNER)
        learner.set_password(password)
        learner.save(update_fields=["password"])
        lines.append(
            f"Demo learner login: {PRINTED_LEARNER} / {password}  (http://127.0.0.1:8000/fr/my-learning/)"
        )
    return lines


def create_learners(course, people) -> None:
    from django.contrib.auth.hashers import make_password

    user_model = get_user_model()
    user_model.objects.bulk_create(
        user_model(
            username=name,
            first_name=first,
            last_name=last,
            email=f"{name}@example.org",
            password=make_password(None),
        )  # no password: only the printed learner gets one
        for name, first, last, _ in people
    )
    users = list(user_model.objects.filter(username__in=[p[0] for p in people]).order_by("pk"))
    languages = {name: language for name, _, _, language in people}
    _create_profiles(users, languages)
    rng = random.Random(SEED)
    finishers = _create_progress(course, users, languages, rng)
    for user in finishers:
        certificate = issue_certificate(user, course, languages[user.username])
        issued = timezone.now() - timedelta(days=rng.randint(1, 60), minutes=rng.randint(0, 600))
        Certificate.objects.filter(pk=certificate.pk).update(issued_at=issued)


def _create_profiles(users, languages) -> None:
    """The learner profile (name, language) and a verified address, as signing up leaves them."""
    profile_model = apps.get_model("progress", "LearnerProfile")
    profile_model.objects.bulk_create(
        profile_model(user=user, full_name=user.get_full_name(), language=languages[user.username])
        for user in users
    )
    address_model = apps.get_model("account", "EmailAddress")  # allauth: login needs a verified one
    address_model.objects.bulk_create(
        address_model(user=user, email=user.email, verified=True, primary=True) for user in users
    )


def _create_progress(course, users, languages, rng: random.Random) -> list:
    """Completions, attempts and the place to resume, in three bulk inserts; the finishers."""
    course_data = course_map(course)
    topics = course_data.topics
    order = {node.translation_key: position for position, node in enumerate(topics)}
    completions, attempts, visits, finishers = [], [], [], []
    for index, user in enumerate(users):
        done = topics_done_for(index, len(topics), rng)
        completions += [TopicCompletion(user=user, topic_key=node.translation_key) for node in topics[:done]]
        reached = [e for e in course_data.exercises if order[e.topic_key] <= done]
        for exercise in reached:
            if done == len(topics) or rng.random() < 0.85:
                attempts += _attempts(user, exercise, languages[user.username], done == len(topics), rng)
        here = topics[min(done, len(topics) - 1)]
        visits.append(
            CourseVisit(user=user, course_key=course.translation_key, topic_key=here.translation_key)
        )
        if done == len(topics):
            finishers.append(user)
    TopicCompletion.objects.bulk_create(completions)
    ExerciseAttempt.objects.bulk_create(attempts)
    CourseVisit.objects.bulk_create(visits)
    return finishers


def _attempts(user, exercise, language, must_pass, rng) -> list[ExerciseAttempt]:
    """One to three tries, usually better each time."""
    score, tries = rng.randint(35, 95), []
    for attempt in range(rng.choice([1, 1, 2, 3])):
        score = min(100, score + attempt * rng.randint(5, 25))
        tries.append(score)
    if must_pass and tries[-1] < exercise.pass_mark:
        tries[-1] = rng.randint(exercise.pass_mark, 100)
    return [
        ExerciseAttempt(
            user=user,
            topic_key=exercise.topic_key,
            block_id=exercise.block_id,
            language=language,
            score=score,
            passed=score >= exercise.pass_mark,
        )
        for score in tries
    ]
