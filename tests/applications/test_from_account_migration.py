"""A question's account source was stored as "prefill", the word the register look-ups use; migration
applications 0005 renames it to "from_account" in editors' flows and in the published versions, so that a flow
built before the rename still fills in the applicant's name from their account."""

import hashlib
import json

import pytest
from django.db import connection, models
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Value

from portal.applications.models import Flow, FlowVersion

BEFORE = [("applications", "0004_flow_question_types_name_bank_account")]
QUESTION = {
    "key": "full_name",
    "type": "name",
    "label_zh": "姓名",
    "label_en": "Full name",
    "required": True,
    "prefill": "real_name",
    "register": "",
}
DEFINITION = {
    "key": "old-flow",
    "title": {"zh-hans": "旧表单", "en": "Old form"},
    "steps": [
        {
            "key": "you",
            "title": {"zh-hans": "申请人", "en": "You"},
            "fields": [
                {
                    "key": "full_name",
                    "type": "name",
                    "label": {"zh-hans": "姓名", "en": "Full name"},
                    "required": True,
                    "prefill": "real_name",
                }
            ],
        }
    ],
}


@pytest.fixture
def before_rename(transactional_db):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    yield executor.loader.project_state(BEFORE).apps
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _migrate_to_newest():
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def test_flows_saved_before_the_rename_still_fill_in_from_the_account(before_rename):
    OldFlow = before_rename.get_model("applications", "Flow")
    OldFlowVersion = before_rename.get_model("applications", "FlowVersion")
    flow = OldFlow.objects.create(key="old-flow", title_zh="旧表单")
    steps = [
        {
            "type": "step",
            "id": "s1",
            "value": {
                "key": "you",
                "title_zh": "申请人",
                "questions": [{"type": "item", "id": "q1", "value": QUESTION}],
            },
        }
    ]
    OldFlow.objects.filter(pk=flow.pk).update(steps=Value(steps, output_field=models.JSONField()))
    OldFlowVersion.objects.create(flow=flow, number=1, definition=DEFINITION, definition_hash="old")

    _migrate_to_newest()

    question = Flow.objects.get(key="old-flow").steps[0].value["questions"][0]
    assert question["from_account"] == "real_name"
    version = FlowVersion.objects.get(flow__key="old-flow")
    assert version.flow_def.steps[0].fields[0].from_account == "real_name"
    assert "prefill" not in version.definition["steps"][0]["fields"][0]
    assert (
        version.definition_hash
        == hashlib.sha256(json.dumps(version.definition, sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    )
