"""The relationship is now asked of the person acting about the other person ("they are your: parent, ...") and
stored as who the principal is to the agent. Until now it said who the agent was to the principal (a son acting
for his mother chose "son or daughter"), so every stored value is turned round; "carer" becomes "someone else".
Also records who ended a mandate, so that the agent can be told why they can no longer act."""

from django.conf import settings
from django.db import migrations, models

FORWARD = {"parent": "child", "child": "parent", "grandchild": "grandparent", "carer": "other"}
BACKWARD = {"child": "parent", "parent": "child", "grandparent": "grandchild", "other": "carer"}


def _turn_round(mapping):
    def run(apps, schema_editor):
        Mandate = apps.get_model("representation", "Mandate")
        # Every row read before any is written, so that parent→child is not then turned back by child→parent.
        rows = [(list(Mandate.objects.filter(relationship=old).values_list("pk", flat=True)), new)
                for old, new in mapping.items()]
        for ids, new in rows:
            Mandate.objects.filter(pk__in=ids).update(relationship=new)

    return run


class Migration(migrations.Migration):

    dependencies = [
        ("representation", "0002_mandate_in_person_checks"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="mandate",
            name="relationship",
            field=models.CharField(
                choices=[("parent", "Parent"), ("child", "Son or daughter"), ("spouse", "Husband or wife"),
                         ("sibling", "Brother or sister"), ("grandparent", "Grandparent"),
                         ("grandchild", "Grandchild"), ("other_relative", "Other relative"),
                         ("other", "Someone else")],
                max_length=20, verbose_name="relationship"),
        ),
        migrations.AddField(
            model_name="mandate",
            name="ended_by",
            field=models.ForeignKey(blank=True, null=True, on_delete=models.deletion.PROTECT, related_name="+",
                                    to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(_turn_round(FORWARD), _turn_round(BACKWARD)),
    ]
