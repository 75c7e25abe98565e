"""The demo surveys' words, in English and French (written for Lectern's demo course)."""

VALIDATION_TITLE = ("Course validation survey", "Questionnaire de validation du cours")
VALIDATION_INTRO = (
    "You have worked through a good part of Smart Clusters. Tell us how the course served you: "
    "its content, its teaching, the platform and what you expected of it. It takes five minutes.",
    "Vous avez parcouru une bonne partie de Smart Clusters. Dites-nous comment le cours vous a servi : "
    "son contenu, sa pédagogie, la plateforme et ce que vous en attendiez. Cela prend cinq minutes.",
)
VALIDATION_THANKS = (
    "Thank you. Your answers help the partners revise the course.",
    "Merci. Vos réponses aident les partenaires à réviser le cours.",
)

# (type, English label, French label, English choices, French choices, required)
VALIDATION_QUESTIONS = [
    ("likert", "The content is accurate and up to date.", "Le contenu est exact et à jour.", "", "", True),
    (
        "likert",
        "The examples fit the work of a cluster manager.",
        "Les exemples correspondent au travail d'un gestionnaire de cluster.",
        "",
        "",
        True,
    ),
    (
        "radio",
        "How deep did the topics go for you?",
        "Quelle profondeur ont eu les thèmes pour vous ?",
        "Too shallow\nAbout right\nToo detailed",
        "Trop superficiels\nÀ peu près juste\nTrop détaillés",
        True,
    ),
    (
        "likert",
        "The videos and case studies helped me understand.",
        "Les vidéos et les études de cas m'ont aidé à comprendre.",
        "",
        "",
        True,
    ),
    (
        "likert",
        "The exercises checked what the topics taught.",
        "Les exercices vérifiaient ce que les thèmes enseignaient.",
        "",
        "",
        True,
    ),
    (
        "checkboxes",
        "Which learning materials did you use most?",
        "Quels supports avez-vous le plus utilisés ?",
        "Videos\nInfographics\nExercises\nCase studies\nTool and vocabulary sheets\nCourse documents",
        "Vidéos\nInfographies\nExercices\nÉtudes de cas\nFiches outils et vocabulaire\nDocuments du cours",
        False,
    ),
    (
        "likert",
        "I found my way around the platform easily.",
        "Je me suis repéré facilement sur la plateforme.",
        "",
        "",
        True,
    ),
    (
        "radio",
        "Where did you mostly study?",
        "Où avez-vous surtout étudié ?",
        "Computer\nTablet\nPhone",
        "Ordinateur\nTablette\nTéléphone",
        False,
    ),
    (
        "rating",
        "How would you rate the platform overall?",
        "Quelle note donneriez-vous à la plateforme ?",
        "",
        "",
        True,
    ),
    (
        "likert",
        "The course met my learning expectations.",
        "Le cours a répondu à mes attentes.",
        "",
        "",
        True,
    ),
    (
        "rating",
        "How likely are you to recommend the course to a colleague?",
        "Recommanderiez-vous le cours à un collègue ?",
        "",
        "",
        True,
    ),
    (
        "multiline",
        "What would you change in the course?",
        "Que changeriez-vous dans le cours ?",
        "",
        "",
        False,
    ),
]

FREE_TEXT_ANSWERS = [
    ("en", "More case studies from small clusters, please."),
    ("en", "Shorter videos would fit my working day better."),
    ("fr", "Des exercices plus longs sur la feuille de route numérique."),
    ("en", "A glossary in every language would help."),
    ("fr", "Le module 3 mériterait plus d'exemples concrets."),
]

NEEDS_TITLE = "Needs analysis: cluster managers and Industry 4.0"
NEEDS_INTRO = (
    "Before we wrote the course we asked cluster managers what they most needed to learn. "
    "Rate each competence: how much do you need to strengthen it?"
)
NEEDS_LABELS = "Not at all\nA little\nSomewhat\nMuch\nVery much"
