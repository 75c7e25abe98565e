# Joins the two 0002 migrations of the accounts and learning branches (no operations);
# the lead may replace it by renumbering one of them at merge.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("progress", "0002_learner_profile"),
        ("progress", "0002_visits_certificates_and_rules"),
    ]
    operations = []
