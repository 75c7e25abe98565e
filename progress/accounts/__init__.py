"""Learner accounts: sign-up, profile, privacy and lock-outs, on django-allauth and django-axes."""
