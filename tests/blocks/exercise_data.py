"""An exercise with one question of every type, as an author writes it."""

EXERCISE = {
    "type": "exercise",
    "value": {
        "title": "Check your understanding",
        "instructions": "<p>Answer all the questions.</p>",
        "pass_mark": 70,
        "questions": [
            {
                "type": "single_choice",
                "id": "q-single",
                "value": {
                    "prompt": "Which body links firms, research and training in one region?",
                    "options": [
                        {
                            "text": "A cluster organisation",
                            "correct": True,
                            "feedback": "RIGHT-SINGLE-FEEDBACK",
                        },
                        {"text": "A stock exchange", "correct": False, "feedback": "WRONG-SINGLE-FEEDBACK"},
                        {"text": "A customs office", "correct": False, "feedback": "Customs handles trade."},
                    ],
                    "explanation": "SINGLE-EXPLANATION",
                },
            },
            {
                "type": "multiple_choice",
                "id": "q-multiple",
                "value": {
                    "prompt": "Which are enabling technologies?",
                    "options": [
                        {"text": "Industrial IoT", "correct": True, "feedback": ""},
                        {"text": "Additive manufacturing", "correct": True, "feedback": ""},
                        {"text": "Fax machines", "correct": False, "feedback": "Not quite."},
                        {"text": "Cobots", "correct": True, "feedback": ""},
                    ],
                    "explanation": "",
                },
            },
            {
                "type": "true_false",
                "id": "q-tf",
                "value": {
                    "statement": "Industry 4.0 means replacing every machine.",
                    "answer": False,
                    "feedback_correct": "TF-RIGHT",
                    "feedback_incorrect": "TF-WRONG",
                    "explanation": "",
                },
            },
            {
                "type": "fill_blank",
                "id": "q-fill",
                "value": {
                    "prompt": "The open machine-to-machine standard is ___.",
                    "answers": ["OPC UA", "OPC-UA"],
                    "case_sensitive": False,
                    "accent_sensitive": False,
                    "feedback_correct": "",
                    "feedback_incorrect": "",
                    "explanation": "",
                },
            },
            {
                "type": "ordering",
                "id": "q-order",
                "value": {
                    "prompt": "Order the steps of an assessment.",
                    "items": [
                        {"type": "item", "id": "o1", "value": "Agree the scope"},
                        {"type": "item", "id": "o2", "value": "Visit the shop floor"},
                        {"type": "item", "id": "o3", "value": "Score the dimensions"},
                        {"type": "item", "id": "o4", "value": "Agree a roadmap"},
                    ],
                    "explanation": "",
                },
            },
            {
                "type": "matching",
                "id": "q-match",
                "value": {
                    "prompt": "Match each term.",
                    "pairs": [
                        {
                            "type": "item",
                            "id": "m1",
                            "value": {"left": "Digital twin", "right": "A model kept in sync with an asset"},
                        },
                        {
                            "type": "item",
                            "id": "m2",
                            "value": {"left": "Edge computing", "right": "Processing next to the machine"},
                        },
                        {
                            "type": "item",
                            "id": "m3",
                            "value": {"left": "Cobot", "right": "A robot that works beside people"},
                        },
                    ],
                    "explanation": "",
                },
            },
        ],
    },
    "id": "exercise-1",
}

#: Texts a learner must never read before answering: not in the page, not in search.
# What a learner may only read once graded: feedback, explanations, accepted blanks.
HIDDEN_UNTIL_GRADED = [
    "RIGHT-SINGLE-FEEDBACK",
    "WRONG-SINGLE-FEEDBACK",
    "Customs handles trade.",
    "Not quite.",
    "SINGLE-EXPLANATION",
    "TF-RIGHT",
    "TF-WRONG",
    "OPC UA",  # an accepted blank
    "OPC-UA",
]
# Never in the search index: those, and the options (the right ones among them).
SECRET_TEXTS = [
    "A cluster organisation",  # the right single choice
    "Agree a roadmap",  # the last item of the ordering
    *HIDDEN_UNTIL_GRADED,
]
