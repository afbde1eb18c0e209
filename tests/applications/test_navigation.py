"""Where a citizen goes in an application (applications/navigation.py), without HTTP or a database: flows built
from definitions, answers as dicts, and the Place each rule returns. Standard mode asks a step on one page;
elder mode asks a step of several questions one question per page; steps and questions are shown only when an
earlier answer says so; a Change link returns to the check page; Back goes one page back."""

from types import SimpleNamespace

import pytest

from portal.applications.definitions import FlowDef, t
from portal.applications.field_types import FieldContext
from portal.applications.navigation import (
    CHECK,
    START,
    TASKS,
    NoSuchStep,
    Place,
    Progress,
    StepPage,
    after_save,
    at_step,
    back,
    change_link,
    completes_step,
    missing_steps,
    open_step,
    questions,
    resume,
    step_number,
)

ID_NUMBER = "370102195003271234"


def when(key, value):
    return [{"field": key, "op": "equals", "value": value}]


FLOW = FlowDef.from_dict(
    {
        "key": "bus-pass",
        "title": t("Apply for a bus pass", "申请乘车卡"),
        "steps": [
            {
                "key": "about",
                "title": t("About you", "个人信息"),
                "fields": [
                    {"key": "name", "type": "text", "label": t("Your name", "姓名")},
                    {
                        "key": "id_number",
                        "type": "resident_id",
                        "label": t("ID number", "身份证号"),
                        "from_account": "resident_id",
                    },
                    {"key": "phone", "type": "phone", "label": t("Phone", "手机号")},
                ],
            },
            {
                "key": "collect",
                "title": t("Getting your pass", "领取方式"),
                "fields": [
                    {
                        "key": "method",
                        "type": "choice",
                        "label": t("How?", "如何领取？"),
                        "options": [{"value": "post"}, {"value": "hall"}],
                    },
                    {
                        "key": "hall",
                        "type": "choice",
                        "label": t("Which hall?", "哪个大厅？"),
                        "options": [{"value": "jinan"}, {"value": "qingdao"}],
                        "show_if": when("method", "hall"),
                    },
                ],
            },
            {
                "key": "delivery",
                "title": t("Where to send it", "邮寄地址"),
                "show_if": when("method", "post"),
                "fields": [{"key": "address", "type": "text", "label": t("Address", "地址")}],
            },
            {
                "key": "photo",
                "title": t("Your photo", "照片"),
                "fields": [
                    {"key": "photo", "type": "file", "label": t("Photo", "照片")},
                ],
            },
        ],
    }
)

ALL_ANSWERED = {
    "name": "张三",
    "id_number": {"encrypted": "…"},
    "phone": "13912345678",
    "method": "post",
    "address": "经十路1号",
    "photo": ["d1"],
}
ALL_STEPS = ("about", "collect", "delivery", "photo")


def progress(answers=None, completed=(), *, elder=False, documents=None, id_known=True, flow=FLOW):
    """A draft's progress; the applicant's account holds their ID number unless id_known=False."""
    applicant = SimpleNamespace(resident_id_encrypted=b"sealed", resident_id=ID_NUMBER) if id_known else None
    return Progress(
        flow=flow,
        answers=dict(answers or {}),
        completed=tuple(completed),
        context=FieldContext(applicant=applicant, documents=documents or {}),
        elder=elder,
    )


def page_of(state, key, question=None, change=False):
    page = open_step(state, key, question, change=change)
    assert isinstance(page, StepPage), page
    return page


# Opening a step -------------------------------------------------------------------------------------------


def test_standard_mode_asks_the_whole_step_on_one_page_without_the_known_id_number():
    page = page_of(progress(), "about")
    assert page.number is None and page.current is None
    assert [f.key for f in page.questions] == ["name", "phone"]
    assert page.place == Place("step", "about")


def test_standard_mode_sends_a_question_number_to_the_step_page_at_that_question():
    assert open_step(progress(), "about", 2) == at_step("about", anchor="phone")
    assert open_step(progress(), "about", 9, change=True) == at_step("about", change=True)


def test_elder_mode_asks_a_step_of_several_questions_one_per_page():
    page = page_of(progress(elder=True), "about", 2)
    assert page.current.key == "phone" and page.place == at_step("about", 2)
    # The ID number the account holds is shown, not asked: two questions; without it, three.
    assert len(page.questions) == 2
    assert len(page_of(progress(elder=True, id_known=False), "about", 1).questions) == 3


def test_elder_mode_sends_the_step_or_a_question_out_of_range_to_the_first_unanswered_question():
    assert open_step(progress(elder=True), "about") == at_step("about", 1)
    answered_name = progress({"name": "张三"}, elder=True)
    assert open_step(answered_name, "about", 0) == at_step("about", 2)
    assert open_step(answered_name, "about", 7, change=True) == at_step("about", 2, change=True)
    everything = progress(ALL_ANSWERED, elder=True)
    assert open_step(everything, "about") == at_step("about", 1)  # all answered: the first


def test_elder_mode_keeps_a_step_of_one_question_on_one_page():
    page = page_of(progress(elder=True), "photo")
    assert page.number is None
    assert open_step(progress(elder=True), "photo", 1) == at_step("photo", anchor="photo")


def test_a_step_that_the_answers_hide_resumes_the_draft_and_an_unknown_step_is_refused():
    state = progress({**ALL_ANSWERED, "method": "hall"}, ["about"])
    assert open_step(state, "delivery") == at_step("collect")  # the first step still to answer
    with pytest.raises(NoSuchStep):
        open_step(state, "nope")


# Conditions -------------------------------------------------------------------------------------------------


def test_a_step_is_shown_only_when_an_earlier_answer_says_so():
    assert step_number(progress(), "photo") == (3, 3)
    assert step_number(progress({"method": "post"}), "photo") == (4, 4)
    assert step_number(progress({"method": "hall"}), "delivery") == (None, 3)


def test_a_question_is_shown_only_when_an_earlier_answer_in_its_step_says_so():
    collect = FLOW.step("collect")
    assert [f.key for f in questions(progress(), collect)] == ["method"]
    assert [f.key for f in questions(progress({"method": "hall"}), collect)] == ["method", "hall"]
    # Elder mode numbers the step's pages even while only one question is shown.
    assert page_of(progress(elder=True), "collect", 1).number == 1


def test_the_steps_still_to_answer_follow_the_answers_and_the_files():
    assert missing_steps(progress()) == ["about", "collect", "photo"]
    done = progress(ALL_ANSWERED, ALL_STEPS, documents={"photo": ["scan.png"]})
    assert missing_steps(done) == []
    assert missing_steps(progress(ALL_ANSWERED, ALL_STEPS)) == ["photo"]  # the file itself is gone
    # Changing to "collect from a hall" hides the address step and asks the hall, in a step done before.
    changed = progress({**ALL_ANSWERED, "method": "hall"}, ALL_STEPS, documents={"photo": ["scan.png"]})
    assert missing_steps(changed) == ["collect"]


def test_resume_goes_to_the_first_step_still_to_answer_then_the_check_page_or_the_task_list():
    assert resume(progress()) == at_step("about")
    assert resume(progress(ALL_ANSWERED, ["about", "collect"])) == at_step("delivery")
    assert resume(progress(ALL_ANSWERED, ALL_STEPS, documents={"photo": ["scan.png"]})) == Place(CHECK)
    long_flow = FlowDef.from_dict({**FLOW.to_dict(), "task_list": True})
    assert resume(progress(flow=long_flow)) == Place(TASKS)


# After saving a page ----------------------------------------------------------------------------------------


def test_standard_mode_goes_on_to_the_next_visible_step_then_the_check_page():
    about = page_of(progress(), "about")
    saved = progress({"name": "张三", "phone": "139"}, ["about"])
    assert completes_step(progress(), about, saved.answers)
    assert after_save(saved, about, {"name", "id_number", "phone"}) == at_step("collect")

    collect = page_of(saved, "collect")
    by_post = progress({**saved.answers, "method": "post"}, ["about", "collect"])
    assert after_save(by_post, collect, {"method"}) == at_step("delivery")

    photo = page_of(progress(ALL_ANSWERED, ["about", "collect", "delivery"]), "photo")
    done = progress(ALL_ANSWERED, ALL_STEPS, documents={"photo": ["scan.png"]})
    assert after_save(done, photo, {"photo"}) == Place(CHECK)


def test_standard_mode_asks_a_question_revealed_on_the_same_page_before_moving_on():
    collect = page_of(progress({"name": "张三", "phone": "139"}, ["about"]), "collect")
    saved = progress({"name": "张三", "phone": "139", "method": "hall"}, ["about", "collect"])
    assert after_save(saved, collect, {"method"}) == at_step("collect")
    answered = progress({**saved.answers, "hall": "jinan"}, ["about", "collect"])
    assert after_save(answered, page_of(answered, "collect"), {"method", "hall"}) == at_step("photo")


def test_a_step_after_the_last_goes_to_the_first_still_to_answer():
    photo = page_of(progress(), "photo")
    saved = progress({}, ["photo"], documents={"photo": ["scan.png"]})
    assert after_save(saved, photo, {"photo"}) == at_step("about")


def test_long_flows_return_to_the_task_list():
    long_flow = FlowDef.from_dict({**FLOW.to_dict(), "task_list": True})
    about = page_of(progress(flow=long_flow), "about")
    assert after_save(
        progress({"name": "张三", "phone": "139"}, ["about"], flow=long_flow), about, {"name", "phone"}
    ) == Place(TASKS)


def test_elder_mode_goes_question_by_question_and_completes_the_step_at_the_last():
    first = page_of(progress(elder=True), "about", 1)
    assert not completes_step(progress(elder=True), first, {"name": "张三"})
    assert after_save(progress({"name": "张三"}, elder=True), first) == at_step("about", 2)

    second = page_of(progress({"name": "张三"}, elder=True), "about", 2)
    assert completes_step(progress({"name": "张三"}, elder=True), second, {"name": "张三", "phone": "139"})
    assert after_save(progress({"name": "张三", "phone": "139"}, ["about"], elder=True), second) == at_step("collect")


def test_elder_mode_asks_the_question_an_answer_reveals_on_the_next_page():
    state = progress({"name": "张三", "phone": "139"}, ["about"], elder=True)
    method = page_of(state, "collect", 1)
    assert not completes_step(state, method, {**state.answers, "method": "hall"})
    hall = progress({**state.answers, "method": "hall"}, ["about"], elder=True)
    assert after_save(hall, method) == at_step("collect", 2)
    # By post there is no second question: the step is complete and the address step comes next.
    assert completes_step(state, method, {**state.answers, "method": "post"})
    post = progress({**state.answers, "method": "post"}, ["about", "collect"], elder=True)
    assert after_save(post, method) == at_step("delivery")


def test_elder_mode_does_not_complete_a_step_whose_later_upload_is_still_missing():
    flow = FlowDef.from_dict(
        {
            "key": "with-upload",
            "title": "Upload",
            "steps": [
                {
                    "key": "proof",
                    "title": "Proof",
                    "fields": [
                        {"key": "kind", "type": "text", "label": "Kind"},
                        {"key": "scan", "type": "file", "label": "Scan"},
                    ],
                }
            ],
        }
    )
    first = page_of(progress(flow=flow, elder=True), "proof", 1)
    assert not completes_step(progress(flow=flow, elder=True), first, {"kind": "x"})
    uploaded = progress({"scan": ["d1"]}, flow=flow, elder=True, documents={"scan": ["scan.pdf"]})
    assert completes_step(uploaded, page_of(uploaded, "proof", 1), {"kind": "x", "scan": ["d1"]})


# Change links: back to check your answers -------------------------------------------------------------------

DONE = dict(answers=ALL_ANSWERED, completed=ALL_STEPS, documents={"photo": ["scan.png"]})


def test_change_links_go_to_the_step_at_the_question_or_in_elder_mode_to_the_question():
    about = FLOW.step("about")
    assert change_link(progress(**DONE), about, "phone") == at_step("about", change=True, anchor="phone")
    assert change_link(progress(**DONE, elder=True), about, "phone") == at_step("about", 2, change=True)
    # A step of one question has no question pages, in elder mode too.
    photo = FLOW.step("photo")
    assert change_link(progress(**DONE, elder=True), photo, "photo") == at_step("photo", change=True, anchor="photo")


def test_a_change_returns_to_the_check_page():
    about = page_of(progress(**DONE), "about", change=True)
    assert after_save(progress(**DONE), about, {"name", "id_number", "phone"}) == Place(CHECK)
    phone = page_of(progress(**DONE, elder=True), "about", 2, change=True)
    assert after_save(progress(**DONE, elder=True), phone) == Place(CHECK)


def test_a_change_that_shows_a_question_asks_it_before_returning():
    state = progress(**DONE, elder=True)
    method = page_of(state, "collect", 1, change=True)
    hall = progress(**{**DONE, "answers": {**ALL_ANSWERED, "method": "hall"}}, elder=True)
    assert after_save(hall, method) == at_step("collect", 2, change=True)
    # In standard mode the step's page is asked again, still on the way back to the check page.
    standard = page_of(progress(**DONE), "collect", change=True)
    assert after_save(
        progress(**{**DONE, "answers": {**ALL_ANSWERED, "method": "hall"}}), standard, {"method"}
    ) == at_step("collect", change=True)


def test_a_change_that_shows_a_step_asks_it_before_returning():
    by_hall = {**ALL_ANSWERED, "method": "hall", "hall": "jinan"}
    del by_hall["address"]
    state = progress(by_hall, ["about", "collect", "photo"], documents={"photo": ["scan.png"]})
    collect = page_of(state, "collect", change=True)
    post = progress({**by_hall, "method": "post"}, ["about", "collect", "photo"], documents={"photo": ["scan.png"]})
    assert after_save(post, collect, {"method", "hall"}) == at_step("delivery", change=True)


# Back links -----------------------------------------------------------------------------------------------


def test_back_from_the_first_step_is_the_start_page_and_from_a_later_one_the_step_before():
    assert back(progress(), page_of(progress(), "about")) == Place(START)
    assert back(progress(), page_of(progress(), "collect")) == at_step("about")
    by_post = progress({"method": "post"})
    assert back(by_post, page_of(by_post, "photo")) == at_step("delivery")
    assert back(progress({"method": "hall"}), page_of(progress({"method": "hall"}), "photo")) == at_step("collect")


def test_back_in_elder_mode_is_the_question_before_or_the_last_question_of_the_step_before():
    state = progress({"name": "张三"}, elder=True)
    assert back(state, page_of(state, "about", 2)) == at_step("about", 1)
    assert back(state, page_of(state, "about", 1)) == Place(START)
    assert back(state, page_of(state, "collect", 1)) == at_step("about", 2)
    hall = progress({"method": "hall"}, elder=True)
    assert back(hall, page_of(hall, "photo")) == at_step("collect", 2)
    post = progress({"method": "post"}, elder=True)
    assert back(post, page_of(post, "photo")) == at_step("delivery")  # a step of one question: its page


def test_back_when_changing_an_answer_is_the_check_page_and_in_a_long_flow_the_task_list():
    assert back(progress(**DONE), page_of(progress(**DONE), "collect", change=True)) == Place(CHECK)
    elder = progress(**DONE, elder=True)
    assert back(elder, page_of(elder, "about", 2, change=True)) == Place(CHECK)
    long_flow = FlowDef.from_dict({**FLOW.to_dict(), "task_list": True})
    assert back(progress(flow=long_flow), page_of(progress(flow=long_flow), "collect")) == Place(TASKS)
