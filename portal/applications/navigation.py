"""Where a citizen goes in an application: pure functions of the flow, the answers so far and the mode.

The views ask here which page to show, where Back leads and where a saved page goes on to; the answer is a
Place (a page as data), which the view turns into a URL. Nothing here reads a request, the database or a
service page, so the same rules can run one wizard over several flows (a life-event bundle) and be tested
without HTTP. Elder mode asks a step that may ask several questions one question per page (step/<key>/<n>/);
a Change link on the check page leads back to it once the change (and anything it newly asks) is answered.
"""

from dataclasses import dataclass, field

from .definitions import FlowDef, StepDef
from .field_types import FIELD_TYPES, FieldContext

STEP, CHECK, TASKS, START = "step", "check", "tasks", "start"


@dataclass(frozen=True)
class Place:
    """A page of the wizard: a step (`question`: one of its questions on a page of its own; `anchor`: the key of
    a question on the step's page), the check-your-answers page, the task list or the start page. `change`: the
    page was reached from a Change link, so the way on leads back to the check page."""

    page: str
    step: str = ""
    question: int | None = None
    change: bool = False
    anchor: str = ""


def at_step(key, question=None, *, change=False, anchor=""):
    return Place(STEP, key, question, change, anchor)


@dataclass(frozen=True)
class Progress:
    """What the way through a flow depends on: the flow, the answers and completed steps of the draft, what the
    portal knows (the applicant, the files uploaded: a FieldContext) and whether elder mode is on."""

    flow: FlowDef
    answers: dict
    completed: tuple | list = ()
    context: FieldContext = field(default_factory=FieldContext)
    elder: bool = False

    @property
    def documents(self):
        return self.context.documents or {}


@dataclass(frozen=True)
class StepPage:
    """A step's page as it is asked now: the whole step, or (`number`, from 1) one of its `questions` on a page
    of its own."""

    step: StepDef
    questions: list
    number: int | None = None
    change: bool = False

    @property
    def current(self):
        """The question this page asks alone, or None when it asks the whole step."""
        return self.questions[self.number - 1] if self.number else None

    @property
    def place(self):
        return at_step(self.step.key, self.number, change=self.change)


class NoSuchStep(LookupError):
    """The flow has no step of that key."""


# What the answers show ---------------------------------------------------------------------------------------


def visible_step_keys(progress):
    return [step.key for step in progress.flow.visible_steps(progress.answers)]


def questions(progress, step, answers=None):
    """The questions a step asks now (with `answers`, default the draft's), in order: those visible, less those
    the portal shows without asking (a known ID number)."""
    answers = progress.answers if answers is None else answers
    return [
        field_def
        for field_def in progress.flow.visible_fields(step, answers)
        if not FIELD_TYPES[field_def.type].shown_read_only(field_def, progress.context)
    ]


def one_per_page(progress, step):
    """Whether the step is asked one question per page: in elder mode, when it may ask more than one question
    (depending on the answers; numbered even while one is shown, so that its pages do not change shape)."""
    asked = sum(not FIELD_TYPES[f.type].shown_read_only(f, progress.context) for f in step.fields)
    return progress.elder and asked > 1


def answered(progress, field_def):
    """Whether a question has been answered (saved) already."""
    if FIELD_TYPES[field_def.type].is_file:
        return bool(progress.documents.get(field_def.key)) or (
            not field_def.required and field_def.key in progress.answers
        )
    return field_def.key in progress.answers


def first_unanswered(progress, asked, after=-1):
    """The number (from 1) of the first of the questions `asked` after index `after` not answered yet, or None."""
    for index, field_def in enumerate(asked):
        if index > after and not answered(progress, field_def):
            return index + 1
    return None


def missing_steps(progress):
    """The visible steps not completed yet, or with a required answer missing, in order."""
    flow, answers = progress.flow, progress.answers
    effective = flow.effective_answers(answers)
    missing = []
    for step in flow.visible_steps(answers):
        if step.key not in progress.completed:
            missing.append(step.key)
            continue
        for field_def in flow.visible_fields(step, answers):
            if not field_def.required:
                continue
            given = (
                progress.documents.get(field_def.key)
                if FIELD_TYPES[field_def.type].is_file
                else (effective.get(field_def.key) not in (None, "", [], {}, False))
            )
            if not given:
                missing.append(step.key)
                break
    return missing


def step_number(progress, key):
    """(number, total) of a step among the visible ones, "Step 2 of 5"; number is None for a hidden step."""
    visible = visible_step_keys(progress)
    return (visible.index(key) + 1 if key in visible else None), len(visible)


def _neighbours(progress, key):
    visible = visible_step_keys(progress)
    if key not in visible:
        return None, None
    index = visible.index(key)
    return (visible[index - 1] if index > 0 else None), (visible[index + 1] if index + 1 < len(visible) else None)


# Where to go ------------------------------------------------------------------------------------------------


def resume(progress):
    """Where a draft picks up: the task list of a long flow; else the first step still to answer; else the check
    page."""
    if progress.flow.uses_task_list:
        return Place(TASKS)
    missing = missing_steps(progress)
    return at_step(missing[0]) if missing else Place(CHECK)


def open_step(progress, key, question=None, *, change=False):
    """The page to show for step `key` (and question number `question`, as asked), or the Place to go to instead:
    a step the answers hide resumes the draft; in elder mode a question number out of range goes to the first
    question not answered yet; in standard mode (or a step of one question) a question number goes to the step's
    page, at that question. Raises NoSuchStep."""
    step = progress.flow.step(key)
    if step is None:
        raise NoSuchStep(key)
    if key not in visible_step_keys(progress):
        return resume(progress)
    asked = questions(progress, step)
    if asked and one_per_page(progress, step):
        if question is None or not 1 <= question <= len(asked):
            return at_step(key, first_unanswered(progress, asked) or 1, change=change)
        return StepPage(step, asked, question, change)
    if question is not None:
        anchor = asked[question - 1].key if 1 <= question <= len(asked) else ""
        return at_step(key, change=change, anchor=anchor)
    return StepPage(step, asked, None, change)


def back(progress, page):
    """Where the Back link of a step's page leads: the check page when changing an answer; the question before;
    the task list; the last page of the step before (its last question, when it is asked one per page); else
    the start page."""
    if page.change:
        return Place(CHECK)
    if page.number and page.number > 1:
        return at_step(page.step.key, page.number - 1)
    if progress.flow.uses_task_list:
        return Place(TASKS)
    previous, _following = _neighbours(progress, page.step.key)
    if previous is None:
        return Place(START)
    step = progress.flow.step(previous)
    if one_per_page(progress, step):
        return at_step(previous, max(len(questions(progress, step)), 1))
    return at_step(previous)


def _position(progress, page, answers=None):
    """The step's questions as `answers` show them, and the index among them of the page's question (its last
    one, when the answers hide it)."""
    asked = questions(progress, page.step, answers)
    keys = [f.key for f in asked]
    key = page.current.key
    return asked, keys.index(key) if key in keys else len(keys) - 1


def completes_step(progress, page, answers):
    """Whether saving the page with `answers` (the draft's answers with those given on the page) completes its
    step: a whole step does; one question of it does when no later question of the step (as the new answers show
    them) is still to be answered."""
    if page.current is None:
        return True
    asked, position = _position(progress, page, answers)
    return first_unanswered(progress, asked, after=position) is None


def after_save(progress, page, asked_keys=()):
    """Where a page goes on to once saved (`progress`: as saved; `asked_keys`: the questions the page had).
    A question of a step goes to the next question; changing an answer, only to a question not answered yet
    (one the new answer shows), else back. A step's page whose answers showed another question of it is asked
    again. Then on to the next step, or, when changing an answer, to a step the change shows, else the check
    page."""
    key = page.step.key
    if page.current is not None:
        asked, position = _position(progress, page)
        if page.change:
            later = first_unanswered(progress, asked, after=position)
            return at_step(key, later, change=True) if later else _onward(progress, key, change=True)
        if position + 1 < len(asked):
            return at_step(key, position + 2)
        return _onward(progress, key, change=False)
    revealed = [f for f in questions(progress, page.step) if f.key not in asked_keys and f.key not in progress.answers]
    if revealed:
        return at_step(key, change=page.change)
    return _onward(progress, key, change=page.change)


def _onward(progress, key, *, change):
    """After the last page of step `key`."""
    if change:
        missing = missing_steps(progress)  # a changed answer may show a new step: ask it before the check page
        return at_step(missing[0], change=True) if missing else Place(CHECK)
    if progress.flow.uses_task_list:
        return Place(TASKS)
    _previous, following = _neighbours(progress, key)
    if following:
        return at_step(following)
    missing = missing_steps(progress)
    return at_step(missing[0]) if missing else Place(CHECK)


def change_link(progress, step, key):
    """Where the check page's Change link for question `key` of `step` leads: the question's own page when the
    step is asked one question per page, else the step's page at the question."""
    if one_per_page(progress, step):
        keys = [f.key for f in questions(progress, step)]
        if key in keys:
            return at_step(step.key, keys.index(key) + 1, change=True)
    return at_step(step.key, change=True, anchor=key)
